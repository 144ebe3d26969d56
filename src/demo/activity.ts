// A year of notes and follow-ups for one demo account. Their timing and tone follow the account's profile: the
// last interaction sits where the profile says (within cadence, beyond it, far beyond it), at-risk accounts get
// recent #risk notes and overdue tasks, thriving ones #win notes and work due this week.
import type { NoteKind, Sentiment, Tier } from '../domain/records.ts';
import type { DemoAccount, Profile } from './accounts.ts';
import { COUNTRIES, PRODUCTS } from './names.ts';
import { DEMO_USERS, YOU } from './people.ts';
import { DAY_MS, dueIn, type Random, workingTimeAgo } from './random.ts';
import type { DemoContact, DemoOpportunity } from './stakeholders.ts';
import {
  fill,
  hashtags,
  LOSS_NOTE,
  MONTHS,
  NEXT_STEPS,
  NOTE_TEMPLATES,
  type NoteTemplate,
  TASK_TITLES,
  WEEKDAYS,
  WIN_NOTE,
} from './texts.ts';

export interface DemoNote {
  accountKey: string;
  body: string;
  kind: NoteKind;
  sentiment: Sentiment;
  tags: string[];
  authorRef: string;
  occurredAt: Date;
}

export interface DemoTask {
  accountKey: string;
  title: string;
  dueAt: Date | null;
  assigneeRef: string;
  createdByRef: string;
  doneAt: Date | null;
}

const NOTES_PER_YEAR: Record<Tier, number> = { A: 80, B: 36, C: 16 };
const VOLUME: Record<Profile, number> = {
  thriving: 1.2,
  steady: 1,
  quiet: 0.8,
  dormant: 0.55,
  at_risk: 1.1,
  thin: 0.6,
};

const RISK = NOTE_TEMPLATES.filter((template) => /#risk\b/.test(template.text));
const WIN = NOTE_TEMPLATES.filter((template) => /#win\b/.test(template.text));
const PLAIN = NOTE_TEMPLATES.filter((template) => !RISK.includes(template) && !WIN.includes(template));
/** The latest note of an account is a real interaction, not an internal observation. */
const INTERACTIONS = PLAIN.filter((template) => template.kind !== 'note' && template.sentiment === 'neutral');

const FIRST_NAME = new Map(DEMO_USERS.map((user) => [user.ref, user.displayName.split(' ')[0] ?? user.displayName]));

/** [positive, negative] shares of an account's everyday notes; at-risk accounts soured in the last two months. */
function sentimentFor(profile: Profile, age: number, rng: Random): Sentiment {
  const shares: Record<Profile, [number, number]> = {
    thriving: [0.4, 0.05],
    steady: [0.25, 0.08],
    quiet: [0.2, 0.12],
    dormant: [0.2, 0.12],
    thin: [0.15, 0.15],
    at_risk: age < 60 ? [0.05, 0.55] : [0.2, 0.15],
  };
  const [positive, negative] = shares[profile];
  const roll = rng.next();
  return roll < positive ? 'positive' : roll < positive + negative ? 'negative' : 'neutral';
}

/** Fills templates with this account's people, places and deals. */
class Writer {
  private readonly cities: readonly string[];

  constructor(
    private readonly account: DemoAccount,
    private readonly contacts: readonly DemoContact[],
    private readonly opportunities: readonly DemoOpportunity[],
    private readonly rng: Random,
  ) {
    this.cities = COUNTRIES[account.countryCode].cities;
  }

  author(): string {
    const team = this.account.team.filter((member) => member.role !== 'executive_sponsor');
    if (team.length === 0 || this.rng.chance(0.7)) return this.account.ownerRef;
    return this.rng.pick(team).userRef;
  }

  values(at: Date, authorRef: string, extra: Record<string, string> = {}): Record<string, string | undefined> {
    const rng = this.rng;
    const main = this.contacts[0];
    const contact = main && (this.account.profile === 'thin' || rng.chance(0.3)) ? main : rng.pick(this.contacts);
    const colleagues = [this.account.ownerRef, ...this.account.team.map((member) => member.userRef)]
      .filter((ref) => ref !== authorRef && ref !== YOU)
      .map((ref) => FIRST_NAME.get(ref));
    const month = at.getUTCMonth();
    const year = at.getUTCFullYear() + (month >= 8 ? 1 : 0);
    const quarter = Math.floor(((month + 3) % 12) / 3) + 1;
    return {
      contact: contact.name,
      first: contact.firstName,
      champion: this.contacts.find((candidate) => candidate.buyingRole === 'champion')?.name,
      colleague: colleagues.length > 0 ? rng.pick(colleagues) : undefined,
      competitor:
        rng.chance(0.3) && this.opportunities.length > 0
          ? (rng.pick(this.opportunities).competitors[0] ?? this.account.rival)
          : this.account.rival,
      product: rng.chance(0.6) ? this.account.focusProduct : rng.pick(PRODUCTS),
      opp: this.opportunities.length > 0 ? rng.pick(this.opportunities).title : undefined,
      site: rng.pick(this.cities),
      month: MONTHS[(month + rng.int(1, 2)) % 12],
      lastMonth: MONTHS[(month + 11) % 12],
      year: String(year),
      quarter: `Q${quarter} ${month >= 9 ? at.getUTCFullYear() + 1 : at.getUTCFullYear()}`,
      weekday: rng.pick(WEEKDAYS),
      percent: String(rng.pick([5, 8, 10, 12, 15, 20])),
      ...extra,
    };
  }

  note(templates: readonly NoteTemplate[], age: number, now: Date): DemoNote {
    const occurredAt = workingTimeAgo(now, age, this.rng);
    const authorRef = this.author();
    for (;;) {
      const template = this.rng.pick(templates);
      const values = this.values(occurredAt, authorRef);
      let body = fill(template.text, values);
      if (body === null) continue;
      if (!body.includes('#') && this.rng.chance(0.25)) body += ` ${fill(this.rng.pick(NEXT_STEPS), values) ?? ''}`;
      const { kind, sentiment } = template;
      return {
        accountKey: this.account.key,
        body: body.trim(),
        kind,
        sentiment,
        tags: hashtags(body),
        authorRef,
        occurredAt,
      };
    }
  }
}

export function generateNotes(
  account: DemoAccount,
  contacts: readonly DemoContact[],
  opportunities: readonly DemoOpportunity[],
  rng: Random,
  now: Date,
): DemoNote[] {
  const writer = new Writer(account, contacts, opportunities, rng);
  const prospect = account.status === 'prospect';
  const history = prospect ? 150 : 364;
  const scale = NOTES_PER_YEAR[account.tier] * VOLUME[account.profile] * (prospect ? 0.5 : 1);
  const count = Math.max(4, Math.round(scale * rng.float(0.85, 1.15)));
  const last = account.quietDays;
  const notes = [writer.note(INTERACTIONS, last, now)];
  for (let i = 1; i < count; i++) {
    // Slightly more notes in recent months: teams write more once a bot makes it easy.
    const age = last + Math.floor((history - last) * rng.next() ** 1.2);
    const sentiment = sentimentFor(account.profile, age, rng);
    notes.push(
      writer.note(
        PLAIN.filter((template) => template.sentiment === sentiment),
        age,
        now,
      ),
    );
  }
  const recent = () => rng.int(last, Math.max(last, 30));
  if (account.profile === 'at_risk')
    for (let i = rng.int(2, 4); i > 0; i--) notes.push(writer.note(RISK, recent(), now));
  if (account.profile === 'thriving')
    for (let i = rng.int(1, 2); i > 0; i--) notes.push(writer.note(WIN, recent(), now));
  for (const deal of opportunities) {
    if (!deal.closedAt || now.getTime() - deal.closedAt.getTime() < last * DAY_MS) continue;
    const won = deal.stage === 'won';
    const authorRef = writer.author();
    const values = writer.values(deal.closedAt, authorRef, {
      opp: deal.title,
      competitor: deal.competitors[0] ?? account.rival,
      reason: deal.lossReason ?? '',
    });
    const body = fill(won ? WIN_NOTE : LOSS_NOTE, values) ?? deal.title;
    notes.push({
      accountKey: account.key,
      body,
      kind: 'note',
      sentiment: won ? 'positive' : 'negative',
      tags: hashtags(body),
      authorRef,
      occurredAt: deal.closedAt,
    });
  }
  return notes.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/** How many open follow-ups of each kind a profile leaves: [overdue, due this week, due later]. */
function openTaskCounts(profile: Profile, rng: Random): [number, number, number] {
  switch (profile) {
    case 'thriving':
      return [0, rng.chance(0.6) ? 1 : 0, rng.int(1, 2)];
    case 'steady':
      return [rng.chance(0.2) ? 1 : 0, rng.chance(0.4) ? 1 : 0, 1];
    case 'quiet':
      return [1, 0, 1];
    case 'dormant':
      return [rng.int(1, 2), 0, 0];
    case 'at_risk':
      return [2, 1, rng.chance(0.5) ? 1 : 0];
    case 'thin':
      return [rng.chance(0.5) ? 1 : 0, 0, 1];
  }
}

const OVERDUE_DAYS: Record<Profile, [number, number]> = {
  thriving: [1, 5],
  steady: [1, 10],
  quiet: [3, 25],
  dormant: [20, 90],
  at_risk: [2, 20],
  thin: [5, 30],
};

export function generateTasks(
  account: DemoAccount,
  contacts: readonly DemoContact[],
  opportunities: readonly DemoOpportunity[],
  rng: Random,
  now: Date,
): DemoTask[] {
  const writer = new Writer(account, contacts, opportunities, rng);
  const tasks: DemoTask[] = [];
  const add = (dueInDays: number, doneAt: Date | null) => {
    const assigneeRef = writer.author();
    const dueAt = dueIn(now, dueInDays);
    let title: string | null = null;
    while (title === null) title = fill(rng.pick(TASK_TITLES), writer.values(dueAt, assigneeRef));
    tasks.push({ accountKey: account.key, title, dueAt, assigneeRef, createdByRef: account.ownerRef, doneAt });
  };
  const [doneLow, doneHigh] = { A: [4, 7], B: [2, 4], C: [1, 2] }[account.tier] as [number, number];
  for (let i = rng.int(doneLow, doneHigh); i > 0; i--) {
    const age = rng.int(Math.max(10, account.quietDays), 330);
    add(-age, workingTimeAgo(now, Math.max(account.quietDays, age + rng.int(-3, 5)), rng));
  }
  const [overdue, thisWeek, later] = openTaskCounts(account.profile, rng);
  const [overdueLow, overdueHigh] = OVERDUE_DAYS[account.profile];
  for (let i = 0; i < overdue; i++) add(-rng.int(overdueLow, overdueHigh), null);
  for (let i = 0; i < thisWeek; i++) add(rng.int(0, 4), null);
  for (let i = 0; i < later; i++) add(rng.int(7, 45), null);
  return tasks;
}
