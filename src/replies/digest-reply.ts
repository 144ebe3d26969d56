// The weekly digest as a reply: the counts first, then one short list per section that has something in it, each
// line with its reason and a button to open the account. Written to be scanned in a channel, on any platform.
import type { Digest, DigestLine } from '../domain/digest-types.ts';
import { HEALTH_BANDS, type HealthBand } from '../domain/records.ts';
import type { Locale } from '../i18n/locale.ts';
import { type MessageKey, type Translate, t, translated, translator } from '../i18n/translate.ts';
import { list, reply, text } from './build.ts';
import { accountLabel, formatDay, formatDayIn, formatMoney, formatNumber } from './format.ts';
import type { Block, Field, ListItem, Reply } from './reply.ts';
import { signedChange, sparklineOf, trendWords } from './trend-words.ts';

/** Items per section; the rest are counted ("…and N more"). */
export const DIGEST_LIST_LIMIT = 10;

const HEADINGS = {
  needsAttention: 'digest.needsAttention',
  goingQuiet: 'digest.goingQuiet',
  renewals: 'digest.renewals',
  closing: 'digest.closing',
  pastClose: 'digest.pastClose',
  wins: 'digest.wins',
  losses: 'digest.losses',
  overdue: 'digest.overdue',
  unscored: 'digest.unscoredHeading',
  mostActive: 'digest.mostActive',
} as const satisfies Record<string, MessageKey>;

/** The section headings in a language, by section. */
export function digestHeadings(locale: Locale): Record<keyof typeof HEADINGS, string> {
  return Object.fromEntries(Object.entries(HEADINGS).map(([section, key]) => [section, t(locale, key)])) as Record<
    keyof typeof HEADINGS,
    string
  >;
}

export interface DigestReplyOptions {
  title: string;
  /** The reader's time zone, for moments (when a deal closed); calendar days read the same everywhere. */
  timeZone: string;
  /** The language of the channel it is posted to. */
  locale: Locale;
  limit?: number;
}

function facts(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join(' · ');
}

/** The digest's words in one language, and the pieces of its lines. */
class DigestWriter {
  readonly tr: Translate;
  constructor(
    readonly locale: Locale,
    readonly timeZone: string,
  ) {
    this.tr = translator(locale);
  }

  owner(line: DigestLine): string {
    return line.account.ownerName === null
      ? this.tr('digest.noOwner')
      : this.tr('digest.owner', { name: line.account.ownerName });
  }

  money(value: number | null, currency: string): string | null {
    return value === null ? null : formatMoney(value, currency, this.locale);
  }

  day(date: Date): string {
    return formatDay(date, this.locale);
  }

  item(line: DigestLine, body: string, extra: Partial<ListItem> = {}): ListItem {
    const { id, key } = line.account;
    return {
      title: accountLabel(line.account),
      text: body,
      ...extra,
      buttons: [
        { label: this.tr('button.show'), actionId: 'account_show', value: String(id), command: `/account show ${key}` },
      ],
    };
  }

  band(band: HealthBand): string {
    return this.tr(`band.${band}`);
  }
}

function summaryOf(digest: Digest, writer: DigestWriter): string {
  const { tr } = writer;
  const head = tr('digest.attention', { count: digest.needsAttention.length });
  const bands = HEALTH_BANDS.map((band) => `${formatNumber(digest.counts[band], writer.locale)} ${writer.band(band)}`);
  const unscored = digest.counts.unscored > 0 ? [tr('digest.unscored', { count: digest.counts.unscored })] : [];
  return [head, ...bands, ...unscored].join(' · ');
}

function countFields(digest: Digest, writer: DigestWriter): Field[] {
  const fields = HEALTH_BANDS.map((band) => {
    const now = digest.counts[band];
    const before = digest.lastWeekCounts?.[band];
    return {
      label: writer.tr('digest.band', { band }),
      value: before === undefined ? String(now) : `${now} (${signedChange(now - before)})`,
    };
  });
  if (digest.counts.unscored > 0) {
    fields.push({ label: writer.tr('digest.band', { band: 'unscored' }), value: String(digest.counts.unscored) });
  }
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
function byPerson(overdue: Digest['overdueByOwner'], limit: number, writer: DigestWriter): string {
  const named = overdue.slice(0, limit).map((group) => `${group.owner} ${group.tasks.length}`);
  return writer.tr('digest.byPerson', { named: named.join(' · '), more: overdue.length - named.length });
}

/**
 * A section's first `limit` lines as list items and how many there are. Only the shown lines are formatted: over
 * 10,000 accounts a digest has thousands of lines per section (8,000 overdue follow-ups), and formatting every one
 * of them to show ten was most of the reply's time.
 */
function shown<T>(lines: readonly T[], limit: number, make: (line: T) => ListItem) {
  return { items: lines.slice(0, limit).map(make), total: lines.length };
}

function sectionsOf(digest: Digest, writer: DigestWriter, limit: number): Section[] {
  const { tr, locale, timeZone } = writer;
  const headings = digestHeadings(locale);
  const overdue = digest.overdueByOwner;
  const overdueTasks = overdue.flatMap((group) => group.tasks.map((task) => ({ owner: group.owner, task })));
  const when = (days: number) => tr('digest.inDays', { days });
  const deal = (line: Digest['closing'][number], close: string) =>
    writer.item(line, facts(line.title, writer.money(line.value, line.currency), close, writer.owner(line)));
  return [
    {
      heading: headings.needsAttention,
      ...shown(digest.needsAttention, limit, (line) =>
        writer.item(
          line,
          facts(
            [writer.band(line.band), trendWords(line.trend, locale), sparklineOf(line.trend)]
              .filter((part) => part !== null)
              .join(' '),
            line.reason === null ? null : translated(locale, line.reason),
            writer.owner(line),
          ),
          {
            band: line.band,
            meta: facts(
              tr('digest.tier', { tier: line.account.tier }),
              tr('digest.score', { score: line.score }),
              line.previousBand === null
                ? tr('digest.notScoredLastWeek')
                : tr('digest.lastWeek', { band: writer.band(line.previousBand) }),
            ),
          },
        ),
      ),
    },
    {
      heading: headings.goingQuiet,
      ...shown(digest.goingQuiet, limit, (line) => {
        const expects = tr('digest.expects', { tier: line.account.tier, days: line.cadenceDays });
        const quiet = line.days === null ? tr('digest.noInteraction') : tr('digest.noContactFor', { days: line.days });
        return writer.item(line, facts(tr('digest.quiet', { quiet, expects }), writer.owner(line)));
      }),
    },
    {
      heading: headings.renewals,
      ...shown(digest.renewals, limit, (line) =>
        writer.item(
          line,
          facts(tr('digest.renewal', { day: writer.day(line.renewalAt), when: when(line.days) }), writer.owner(line)),
        ),
      ),
    },
    {
      heading: headings.closing,
      ...shown(digest.closing, limit, (line) =>
        deal(line, tr('digest.expectedClose', { day: writer.day(line.expectedCloseAt), when: when(line.days) })),
      ),
    },
    {
      heading: headings.pastClose,
      ...shown(digest.pastClose, limit, (line) =>
        deal(line, tr('digest.pastCloseDay', { day: writer.day(line.expectedCloseAt), days: line.days })),
      ),
    },
    {
      heading: headings.wins,
      ...shown(digest.wins, limit, (line) =>
        writer.item(
          line,
          facts(
            line.title,
            writer.money(line.value, line.currency),
            tr('digest.won', { day: formatDayIn(line.closedAt, timeZone, locale) }),
            writer.owner(line),
          ),
        ),
      ),
    },
    {
      heading: headings.losses,
      ...shown(digest.losses, limit, (line) =>
        writer.item(
          line,
          facts(
            line.title,
            writer.money(line.value, line.currency),
            tr('digest.lost', { day: formatDayIn(line.closedAt, timeZone, locale) }),
            line.reason === null ? null : tr('digest.reason', { reason: line.reason }),
            writer.owner(line),
          ),
        ),
      ),
    },
    {
      heading: headings.overdue,
      ...shown(overdueTasks, limit, ({ owner, task }) =>
        writer.item(
          task,
          facts(`${owner}: ${task.title}`, tr('digest.overdueTask', { day: writer.day(task.dueAt), days: task.days })),
        ),
      ),
      ...(overdue.length > 1 ? { footer: byPerson(overdue, limit, writer) } : {}),
    },
    {
      heading: headings.unscored,
      ...shown(digest.unscored, limit, (line) =>
        writer.item(
          line,
          facts(line.missing.map((reason) => translated(locale, reason)).join('; '), writer.owner(line)),
          { meta: tr('digest.tier', { tier: line.account.tier }) },
        ),
      ),
    },
    {
      heading: headings.mostActive,
      ...shown(digest.mostActive, limit, (line) =>
        writer.item(line, facts(tr('digest.notesThisWeek', { count: line.notes }), writer.owner(line))),
      ),
    },
  ];
}

export function digestReply(digest: Digest, options: DigestReplyOptions): Reply {
  const limit = options.limit ?? DIGEST_LIST_LIMIT;
  const writer = new DigestWriter(options.locale, options.timeZone);
  const blocks: Block[] = [{ type: 'fields', fields: countFields(digest, writer) }];
  const sections = sectionsOf(digest, writer, limit).filter((section) => section.total > 0);
  for (const section of sections) {
    blocks.push(list(section.items, { heading: section.heading, limit, total: section.total }));
    if (section.footer) blocks.push(text(section.footer, 'muted'));
  }
  if (sections.length === 0) blocks.push(text(writer.tr('digest.nothing')));
  const answer = reply({
    title: options.title,
    summary: summaryOf(digest, writer),
    tone: digest.needsAttention.length > 0 ? 'warning' : 'info',
    audience: 'channel',
    blocks,
  });
  return { ...answer, locale: options.locale };
}
