// What `kam import` says: how it read the file, which column went where, each failed row (line and reason, the
// first few of thousands), and the counts per entity. Plain text for a terminal.
import type { ImportReport } from './import.ts';

/** Failed rows listed one by one before "…and N more"; --failures writes them all to a file. */
export const FAILURES_SHOWN = 20;

const SEPARATOR_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'bars' };
const DATE_NAMES = { iso: 'ISO dates', dmy: 'day-first dates (31/03/2017)', mdy: 'month-first dates (3/31/2017)' };

const count = (n: number) => n.toLocaleString('en');

export function describeFile(fileName: string, report: ImportReport): string {
  const how = [report.encoding, `separated by ${SEPARATOR_NAMES[report.separator] ?? report.separator}`];
  if (report.dateOrder) how.push(DATE_NAMES[report.dateOrder]);
  if (report.decimalMark) how.push(report.decimalMark === ',' ? 'decimal comma' : 'decimal point');
  const footer = report.footerLines;
  const left =
    footer.length === 0
      ? ''
      : ` Left out the report footer (${footer.length === 1 ? `line ${footer[0]}` : `lines ${footer[0]}–${footer.at(-1)}`}).`;
  return `Read ${fileName}: ${count(report.rows)} ${report.rows === 1 ? 'row' : 'rows'} of ${report.entity} (${how.join(', ')}).${left}`;
}

export function describeColumns(report: ImportReport): string[] {
  const lines = [`Columns: ${report.columns.map((column) => `${column.header} → ${column.field}`).join(', ')}.`];
  if (report.ignored.length > 0) {
    lines.push(`Not imported: ${report.ignored.join(', ')} (--map "<column>=<field>" imports a column).`);
  }
  return lines;
}

/** Lines named before "and N others" when many rows fail for the same reason. */
const LINES_NAMED = 5;

/**
 * "Line 12: …." per failed row, in file order; rows that fail for the same reason share one line ("Lines 11, 44,
 * 46, 58, 62 and 1,420 others: …"). At most FAILURES_SHOWN lines, then how many more rows failed.
 */
export function failureLines(report: ImportReport, failuresFile?: string): string[] {
  const byReason = new Map<string, number[]>();
  for (const failure of report.failures)
    byReason.set(failure.reason, [...(byReason.get(failure.reason) ?? []), failure.line]);
  const groups = [...byReason].map(([reason, lines]) => ({ reason, lines }));
  const shown = groups.slice(0, FAILURES_SHOWN).map(({ reason, lines }) => {
    if (lines.length === 1) return `Line ${lines[0]}: ${reason}.`;
    const named = lines.slice(0, LINES_NAMED).join(', ');
    const others = lines.length - LINES_NAMED;
    return others > 0
      ? `Lines ${named} and ${count(others)} others: ${reason}.`
      : `Lines ${named.replace(/, (\d+)$/, ' and $1')}: ${reason}.`;
  });
  const more = groups.slice(FAILURES_SHOWN).reduce((sum, group) => sum + group.lines.length, 0);
  if (more > 0) {
    const hint = failuresFile ? '' : ' (--failures <file.csv> lists them all)';
    shown.push(`…and ${count(more)} more failed ${more === 1 ? 'row' : 'rows'}${hint}.`);
  }
  return shown;
}

export function summaryLines(report: ImportReport, dryRun: boolean): string[] {
  const { created, updated, unchanged, failed } = report.counts;
  const would = dryRun || !report.written ? 'to be ' : '';
  const lines = [
    `${report.entity}: ${count(created)} ${would}created, ${count(updated)} ${would}updated, ${count(unchanged)} unchanged, ${count(failed)} failed.`,
  ];
  if (report.users > 0 && report.entity !== 'users') {
    const named = report.newPeople.slice(0, 5).join(', ');
    const more = report.newPeople.length > 5 ? ` and ${count(report.newPeople.length - 5)} more` : '';
    lines.push(
      `users: ${count(report.users)} ${would}created for the people the file names who are not known yet (${named}${more}); ` +
        'they join as members, linked to their Slack or Teams identity by email when they first use kam-bot.',
    );
  }
  if (dryRun) lines.push('Dry run: nothing was written.');
  else if (!report.written) {
    lines.push(`--strict: ${count(failed)} ${failed === 1 ? 'row' : 'rows'} failed, so nothing was imported.`);
  }
  return lines;
}
