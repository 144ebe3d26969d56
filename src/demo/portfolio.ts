// The demo portfolio as plain data, before anything is written. Contacts, deals, notes and tasks are generated per
// account to fit its profile, so health scores and digests come out spread over green, amber and red for reasons
// that can be read in the data.
import { type DemoAccount, generateAccounts } from './accounts.ts';
import { type DemoNote, type DemoTask, generateNotes, generateTasks } from './activity.ts';
import { DEMO_USERS, type DemoUserSpec, YOU } from './people.ts';
import { DAY_MS, Random } from './random.ts';
import { type DemoContact, type DemoOpportunity, generateContacts, generateOpportunities } from './stakeholders.ts';

export type { DemoAccount, DemoContact, DemoNote, DemoOpportunity, DemoTask };
export { YOU };

export interface DemoPortfolio {
  users: readonly DemoUserSpec[];
  accounts: DemoAccount[];
  contacts: DemoContact[];
  opportunities: DemoOpportunity[];
  notes: DemoNote[];
  tasks: DemoTask[];
}

export interface PortfolioOptions {
  now: Date;
  seed: number;
  /** Hand ~5 accounts, and their follow-ups, to the person running the demo. */
  withYou: boolean;
}

export function generatePortfolio(options: PortfolioOptions): DemoPortfolio {
  const { now } = options;
  const rng = new Random(options.seed);
  const accounts = generateAccounts(rng, now, options.withYou);

  const recentWins = new Set(
    accounts
      .filter((a) => a.profile === 'thriving')
      .slice(0, 2)
      .map((a) => a.key),
  );
  const recentLosses = new Set(
    accounts
      .filter((a) => a.profile === 'at_risk')
      .slice(0, 1)
      .map((a) => a.key),
  );
  const portfolio: DemoPortfolio = {
    users: DEMO_USERS,
    accounts,
    contacts: [],
    opportunities: [],
    notes: [],
    tasks: [],
  };
  for (const account of accounts) {
    const own = rng.fork(`activity:${account.key}`);
    const contacts = generateContacts(account, own, now);
    const opportunities = generateOpportunities(account, own, now, {
      recentWin: recentWins.has(account.key),
      recentLoss: recentLosses.has(account.key),
    });
    portfolio.contacts.push(...contacts);
    portfolio.opportunities.push(...opportunities);
    portfolio.notes.push(...generateNotes(account, contacts, opportunities, own, now));
    portfolio.tasks.push(...generateTasks(account, contacts, opportunities, own, now));
  }
  if (options.withYou) ensureOverdueForYou(portfolio, now);
  return portfolio;
}

/** The person running the demo should see their own overdue follow-up in `tasks mine overdue`. */
function ensureOverdueForYou(portfolio: DemoPortfolio, now: Date): void {
  const overdue = (task: DemoTask) => task.doneAt === null && task.dueAt !== null && task.dueAt < now;
  if (portfolio.tasks.some((task) => task.assigneeRef === YOU && overdue(task))) return;
  const mine = portfolio.accounts.find((account) => account.ownerRef === YOU);
  if (!mine) return;
  const task = portfolio.tasks.find((candidate) => candidate.accountKey === mine.key && overdue(candidate));
  if (task) task.assigneeRef = YOU;
  else {
    portfolio.tasks.push({
      accountKey: mine.key,
      title: 'Send the renewal proposal',
      dueAt: new Date(now.getTime() - 3 * DAY_MS),
      assigneeRef: YOU,
      createdByRef: YOU,
      doneAt: null,
    });
  }
}
