// The weekly digest as a reply: the counts first, then one short list per section that has something in it, each
// line with its reason and a button to open the account. Written to be scanned in a channel, on any platform.
import type { Digest, DigestLine } from '../domain/digest-types.ts';
import { counted } from '../domain/health-time.ts';
import { HEALTH_BANDS, type HealthBand } from '../domain/records.ts';
import { list, reply, text } from './build.ts';
import { accountLabel, formatDate, formatDay, formatMoney } from './format.ts';
import type { Block, Field, ListItem, Reply } from './reply.ts';

/** Items per section; the rest are counted ("…and N more"). */
export const DIGEST_LIST_LIMIT = 10;

export const DIGEST_HEADINGS = {
  needsAttention: 'Needs attention',
  goingQuiet: 'Going quiet',
  renewals: 'Renewals in the next 60 days',
  closing: 'Closing in the next 30 days',
  wins: 'Wins this week',
  losses: 'Losses this week',
  overdue: 'Overdue follow-ups',
  mostActive: 'Most active',
} as const;

export const NOTHING_THIS_WEEK =
  'Nothing in the portfolio needs attention this week: no account turned amber or red or went quiet, and nothing is due.';

const BAND_LABELS: Record<HealthBand | 'unscored', string> = {
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  unscored: 'Unscored',
};

export interface DigestReplyOptions {
  title: string;
  /** The reader's time zone, for moments (when a deal closed); calendar days read the same everywhere. */
  timeZone: string;
  limit?: number;
}

/** +2, -8, ±0 */
function signed(value: number): string {
  if (value === 0) return '±0';
  return value > 0 ? `+${value}` : String(value);
}

function inDays(days: number): string {
  if (days === 0) return 'today';
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}

function owner(line: DigestLine): string {
  return line.account.ownerName === null ? 'no owner' : `owner ${line.account.ownerName}`;
}

function facts(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join(' · ');
}

function money(value: number | null, currency: string): string | null {
  return value === null ? null : formatMoney(value, currency);
}

function item(line: DigestLine, body: string, extra: Partial<ListItem> = {}): ListItem {
  const { id, key } = line.account;
  return {
    title: accountLabel(line.account),
    text: body,
    ...extra,
    buttons: [{ label: 'Show', actionId: 'account_show', value: String(id), command: `/account show ${key}` }],
  };
}

function summaryOf(digest: Digest): string {
  const attention = digest.needsAttention.length;
  const head =
    attention === 0 ? 'nothing new needs attention' : `${attention} ${attention === 1 ? 'needs' : 'need'} attention`;
  const bands = HEALTH_BANDS.map((band) => `${digest.counts[band]} ${band}`);
  const unscored = digest.counts.unscored > 0 ? [`${digest.counts.unscored} unscored`] : [];
  return [head, ...bands, ...unscored].join(' · ');
}

function countFields(digest: Digest): Field[] {
  const fields = HEALTH_BANDS.map((band) => {
    const now = digest.counts[band];
    const before = digest.lastWeekCounts?.[band];
    return { label: BAND_LABELS[band], value: before === undefined ? String(now) : `${now} (${signed(now - before)})` };
  });
  if (digest.counts.unscored > 0) fields.push({ label: BAND_LABELS.unscored, value: String(digest.counts.unscored) });
  return fields;
}

interface Section {
  heading: string;
  /** The first `limit` lines, made into list items; the rest are only counted. */
  items: ListItem[];
  total: number;
  /** A line under the list (the overdue follow-ups per person). */
  footer?: string;
}

/** "By person: Dana 4 · Raj 2", naming the `limit` people with the most and counting the rest. */
function byPerson(overdue: Digest['overdueByOwner'], limit: number): string {
  const named = overdue.slice(0, limit).map((group) => `${group.owner} ${group.tasks.length}`);
  const more = overdue.length - named.length;
  return `By person: ${named.join(' · ')}${more > 0 ? ` · …and ${counted(more, 'more person', 'more people')}` : ''}`;
}

/**
 * A section's first `limit` lines as list items and how many there are. Only the shown lines are formatted: over
 * 10,000 accounts a digest has thousands of lines per section (8,000 overdue follow-ups), and formatting every one
 * of them to show ten was most of the reply's time.
 */
function shown<T>(lines: readonly T[], limit: number, make: (line: T) => ListItem) {
  return { items: lines.slice(0, limit).map(make), total: lines.length };
}

function sectionsOf(digest: Digest, timeZone: string, limit: number): Section[] {
  const overdue = digest.overdueByOwner;
  const overdueTasks = overdue.flatMap((group) => group.tasks.map((task) => ({ owner: group.owner, task })));
  return [
    {
      heading: DIGEST_HEADINGS.needsAttention,
      ...shown(digest.needsAttention, limit, (line) =>
        item(
          line,
          facts(
            [line.band, line.arrow, line.delta === null ? null : signed(line.delta), line.sparkline]
              .filter((part) => part !== null)
              .join(' '),
            line.reason,
            owner(line),
          ),
          {
            band: line.band,
            meta: facts(
              `Tier ${line.account.tier}`,
              `score ${line.score}`,
              line.previousBand === null ? 'not scored last week' : `${line.previousBand} last week`,
            ),
          },
        ),
      ),
    },
    {
      heading: DIGEST_HEADINGS.goingQuiet,
      ...shown(digest.goingQuiet, limit, (line) => {
        const expects = `tier ${line.account.tier} expects contact every ${counted(line.cadenceDays, 'day')}`;
        const quiet = line.days === null ? 'no interaction recorded' : `no contact for ${line.days} days`;
        return item(line, facts(`${quiet}; ${expects}`, owner(line)));
      }),
    },
    {
      heading: DIGEST_HEADINGS.renewals,
      ...shown(digest.renewals, limit, (line) =>
        item(line, facts(`renewal ${formatDay(line.renewalAt)}, ${inDays(line.days)}`, owner(line))),
      ),
    },
    {
      heading: DIGEST_HEADINGS.closing,
      ...shown(digest.closing, limit, (line) =>
        item(
          line,
          facts(
            line.title,
            money(line.value, line.currency),
            `expected to close ${formatDay(line.expectedCloseAt)}, ${inDays(line.days)}`,
            owner(line),
          ),
        ),
      ),
    },
    {
      heading: DIGEST_HEADINGS.wins,
      ...shown(digest.wins, limit, (line) =>
        item(
          line,
          facts(
            line.title,
            money(line.value, line.currency),
            `won ${formatDate(line.closedAt, timeZone)}`,
            owner(line),
          ),
        ),
      ),
    },
    {
      heading: DIGEST_HEADINGS.losses,
      ...shown(digest.losses, limit, (line) =>
        item(
          line,
          facts(
            line.title,
            money(line.value, line.currency),
            `lost ${formatDate(line.closedAt, timeZone)}`,
            line.reason === null ? null : `reason: ${line.reason}`,
            owner(line),
          ),
        ),
      ),
    },
    {
      heading: DIGEST_HEADINGS.overdue,
      ...shown(overdueTasks, limit, ({ owner, task }) =>
        item(
          task,
          facts(`${owner}: ${task.title}`, `due ${formatDay(task.dueAt)}, ${counted(task.days, 'day')} overdue`),
        ),
      ),
      ...(overdue.length > 1 ? { footer: byPerson(overdue, limit) } : {}),
    },
    {
      heading: DIGEST_HEADINGS.mostActive,
      ...shown(digest.mostActive, limit, (line) =>
        item(line, facts(`${counted(line.notes, 'note')} this week`, owner(line))),
      ),
    },
  ];
}

export function digestReply(digest: Digest, options: DigestReplyOptions): Reply {
  const limit = options.limit ?? DIGEST_LIST_LIMIT;
  const blocks: Block[] = [{ type: 'fields', fields: countFields(digest) }];
  const sections = sectionsOf(digest, options.timeZone, limit).filter((section) => section.total > 0);
  for (const section of sections) {
    blocks.push(list(section.items, { heading: section.heading, limit, total: section.total }));
    if (section.footer) blocks.push(text(section.footer, 'muted'));
  }
  if (sections.length === 0) blocks.push(text(NOTHING_THIS_WEEK));
  return reply({
    title: options.title,
    summary: summaryOf(digest),
    tone: digest.needsAttention.length > 0 ? 'warning' : 'info',
    audience: 'channel',
    blocks,
  });
}
