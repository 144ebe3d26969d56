// Writes the generated demo portfolio through the store, in one transaction: a demo is there completely or not at
// all, and loading it twice changes nothing.
import { TREND_WEEKS } from '../domain/health-trend.ts';
import { NotFoundError } from '../errors.ts';
import { backfillSnapshots } from '../jobs/health-snapshots.ts';
import { SYSTEM_ACTOR, type WorkspaceStore } from '../store/store.ts';
import { DEMO_EMAIL_DOMAIN, demoEmail } from './people.ts';
import { type DemoPortfolio, generatePortfolio, YOU } from './portfolio.ts';

export const DEMO_EXTERNAL_ID_PREFIX = 'demo:';

/** The seed `kam demo` uses, so every demo tells the same story. */
export const DEFAULT_DEMO_SEED = 48;

export interface DemoOptions {
  /** The demo's present: a year of history ends here, renewals and due dates lie ahead of it. */
  now: Date;
  /** user id of the person running the demo: made owner of ~5 accounts and assignee of some tasks */
  you?: number;
  seed?: number;
}

/** What the demo consists of. With `alreadyLoaded`, these are the counts of the demo as generated; nothing was written. */
export interface DemoSummary {
  accounts: number;
  users: number;
  contacts: number;
  opportunities: number;
  notes: number;
  tasks: number;
  alreadyLoaded: boolean;
}

export async function loadDemo(ws: WorkspaceStore, options: DemoOptions): Promise<DemoSummary> {
  const portfolio = generatePortfolio({
    now: options.now,
    seed: options.seed ?? DEFAULT_DEMO_SEED,
    withYou: options.you !== undefined,
  });
  const summary = {
    accounts: portfolio.accounts.length,
    users: portfolio.users.length,
    contacts: portfolio.contacts.length,
    opportunities: portfolio.opportunities.length,
    notes: portfolio.notes.length,
    tasks: portfolio.tasks.length,
  };
  const marker = `${DEMO_EXTERNAL_ID_PREFIX}${portfolio.accounts[0]?.key ?? ''}`;
  const result = await ws.transaction(
    async (tx) => {
      if (await tx.accounts.byExternalId(marker)) return { ...summary, alreadyLoaded: true };
      await write(tx, portfolio, options.you, options.now);
      return { ...summary, alreadyLoaded: false };
    },
    // A few seconds of writes on a slow machine: more than the default allows.
    { timeoutMs: 120_000 },
  );
  // Health trends need past weeks: estimate them from the year of history just written (after it is committed,
  // because the estimate reads it back).
  if (!result.alreadyLoaded) {
    await backfillSnapshots(ws, await ws.workspaceSettings.get(), options.now, TREND_WEEKS - 1);
  }
  return result;
}

const DAY = 86_400_000;

/** When the demo's records were entered: a year ago for accounts, shortly before they fell due for tasks. */
function enteredBefore(at: Date | null, now: Date, days: number): Date {
  return new Date(Math.min(now.getTime(), (at ?? now).getTime()) - days * DAY);
}

async function write(tx: WorkspaceStore, portfolio: DemoPortfolio, you: number | undefined, now: Date): Promise<void> {
  const by = SYSTEM_ACTOR;
  const userIds = new Map<string, number>();
  if (you !== undefined) {
    if (!(await tx.users.byId(you))) throw new NotFoundError(`There is no user ${you} to hand demo accounts to.`);
    userIds.set(YOU, you);
  }
  for (const spec of portfolio.users) {
    const email = demoEmail(spec.displayName, DEMO_EMAIL_DOMAIN);
    // A demo user left over from an earlier demo (its accounts since deleted) is reused: emails are unique.
    const user =
      (await tx.users.byEmail(email)) ??
      (await tx.users.create({ displayName: spec.displayName, email, role: spec.role, timeZone: spec.timeZone }, by));
    userIds.set(spec.ref, user.id);
  }
  const userId = (ref: string): number => {
    const id = userIds.get(ref);
    if (id === undefined) throw new Error(`The demo refers to an unknown user "${ref}".`);
    return id;
  };

  const accountIds = new Map<string, number>();
  // When each account was entered: its set-up (team, contacts) is dated then, not at load time, so a timeline
  // does not show "Account created" after a year of notes.
  const enteredAt = new Map<string, Date>();
  const accountId = (key: string): number => {
    const id = accountIds.get(key);
    if (id === undefined) throw new Error(`The demo refers to an unknown account "${key}".`);
    return id;
  };
  // Parents come before their subsidiaries in the portfolio, so parentId can always be resolved.
  for (const account of portfolio.accounts) {
    const created = await tx.accounts.create(
      {
        key: account.key,
        name: account.name,
        aliases: account.aliases,
        tier: account.tier,
        sector: account.sector,
        country: account.country,
        region: account.region,
        parentId: account.parentKey === null ? null : accountId(account.parentKey),
        ownerId: userId(account.ownerRef),
        status: account.status,
        annualRevenue: account.annualRevenue,
        potential: account.potential,
        currency: account.currency,
        renewalAt: account.renewalAt,
        visibility: account.visibility,
        strategy: account.strategy,
        externalId: `${DEMO_EXTERNAL_ID_PREFIX}${account.key}`,
        createdAt: enteredBefore(now, now, 400),
      },
      by,
    );
    accountIds.set(account.key, created.id);
    enteredAt.set(account.key, created.createdAt);
    for (const member of account.team) {
      await tx.members.set(created.id, userId(member.userRef), member.role, by, created.createdAt);
    }
  }

  for (const { accountKey, firstName: _firstName, ...contact } of portfolio.contacts) {
    await tx.contacts.add({ ...contact, accountId: accountId(accountKey) }, by, enteredAt.get(accountKey));
  }
  for (const { accountKey, ownerRef, ...deal } of portfolio.opportunities) {
    await tx.opportunities.add({ ...deal, accountId: accountId(accountKey), ownerId: userId(ownerRef) }, by);
  }
  for (const { accountKey, authorRef, ...note } of portfolio.notes) {
    await tx.notes.add(
      {
        ...note,
        accountId: accountId(accountKey),
        authorId: userId(authorRef),
        createdAt: note.occurredAt,
        sourceRef: { source: 'console' },
      },
      by,
    );
  }
  for (const task of portfolio.tasks) {
    await tx.tasks.add(
      {
        accountId: accountId(task.accountKey),
        title: task.title,
        dueAt: task.dueAt,
        doneAt: task.doneAt,
        createdAt: enteredBefore(task.doneAt ?? task.dueAt, now, 10),
        assigneeId: userId(task.assigneeRef),
        createdById: userId(task.createdByRef),
      },
      by,
    );
  }
}
