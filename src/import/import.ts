// `kam import`: a CSV file read, its columns matched to fields, each row checked with zod, matched against the
// workspace and planned, and (unless it is a dry run, or --strict and a row failed) written. Rows that fail are
// reported with their line and reason, and nothing of them is written.
import type { Actor, WorkspaceStore } from '../store/store.ts';
import { rowProblems } from './cells.ts';
import type { Entity } from './column-names.ts';
import { cellsByField, resolveColumns } from './columns.ts';
import { readCsv } from './csv.ts';
import { type DateOrder, dateOrderFor } from './dates.ts';
import { AMOUNT_FIELDS, DATE_FIELDS, type PlanContext, prepare, rowSchemaFor } from './entities.ts';
import { type DecimalMark, decimalMarkFor } from './numbers.ts';
import type { ImportSource, Parsed, RowFailure } from './plan.ts';
import { stageNames } from './stages.ts';

export interface ImportOptions {
  entity: Entity;
  /** The file's name (and who imports it), for the audit trail. */
  source: ImportSource;
  maps?: string[];
  dateFormat?: DateOrder;
  decimalMark?: DecimalMark;
  encoding?: string;
  separator?: string;
  currency?: string;
  stages?: string[];
  dryRun?: boolean;
  strict?: boolean;
  /** Accounts: create one even when an account of the same name exists. */
  allowDuplicates?: boolean;
  by: Actor;
  now?: Date;
  /** Called once the rows are planned, with how many will be written, then as batches are written. */
  onWriteStart?: (rows: number) => void;
  onProgress?: (written: number) => void;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface ImportReport {
  entity: Entity;
  rows: number;
  encoding: string;
  separator: string;
  /** Lines of a report footer (Salesforce's "Grand Totals", "Confidential Information") that were left out. */
  footerLines: number[];
  /** How the file's dates and amounts were read; null when it has none. */
  dateOrder: DateOrder | null;
  decimalMark: DecimalMark | null;
  columns: { header: string; field: string }[];
  ignored: string[];
  counts: ImportCounts;
  /** Users created for owners and authors the file names (would be, in a dry run). */
  users: number;
  /** The names of those users (would be created, in a dry run). */
  newPeople: string[];
  failures: RowFailure[];
  /** False for a dry run, and for --strict when a row failed. */
  written: boolean;
}

/** A row with fewer cells than the header, or more that are not empty, is not what the header describes. */
function cellCountProblem(cells: readonly string[], columns: number): string | null {
  if (cells.length >= columns && cells.slice(columns).every((cell) => cell.trim() === '')) return null;
  const has = cells.length === 1 ? '1 cell' : `${cells.length} cells`;
  return `the row has ${has} where the header has ${columns}; a separator or a quote may be out of place`;
}

export async function importCsv(
  store: WorkspaceStore,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportReport> {
  const table = readCsv(bytes, { encoding: options.encoding, separator: options.separator });
  const mapping = resolveColumns(table.header, options.entity, options.maps);
  const cellsOf = (fields: string[]) =>
    table.rows.flatMap((row) =>
      fields.flatMap((field) => {
        const index = mapping.fields.get(field);
        return index === undefined ? [] : [{ line: row.line, text: row.cells[index] ?? '' }];
      }),
    );
  const context: PlanContext = {
    store,
    format: {
      dateOrder: dateOrderFor(cellsOf(DATE_FIELDS), options.dateFormat),
      decimalMark:
        options.decimalMark ??
        decimalMarkFor(
          cellsOf(AMOUNT_FIELDS).map((cell) => cell.text),
          table.separator,
        ),
    },
    stages: stageNames(options.stages),
    currency: options.currency?.toUpperCase(),
    now: options.now ?? new Date(),
    allowDuplicates: options.allowDuplicates ?? false,
  };
  const schema = rowSchemaFor(options.entity, context);
  const failures: RowFailure[] = [];
  const parsed: Parsed<unknown>[] = [];
  for (const { line, cells } of table.rows) {
    const problem = cellCountProblem(cells, table.header.length);
    if (problem) {
      failures.push({ line, reason: problem });
      continue;
    }
    const result = schema.safeParse(cellsByField(mapping, cells));
    if (result.success) parsed.push({ line, row: result.data });
    else failures.push({ line, reason: rowProblems(result.error, mapping.headers) });
  }
  const prepared = await prepare(options.entity, parsed, context);
  const plan = prepared.plan;
  failures.push(...plan.failures);
  failures.sort((a, b) => a.line - b.line);
  const counts: ImportCounts = {
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    failed: failures.length,
  };
  const report: ImportReport = {
    entity: options.entity,
    rows: table.rows.length,
    encoding: table.encoding,
    separator: table.separator,
    footerLines: table.footerLines,
    dateOrder: DATE_FIELDS.some((field) => mapping.fields.has(field)) ? context.format.dateOrder : null,
    decimalMark: AMOUNT_FIELDS.some((field) => mapping.fields.has(field)) ? context.format.decimalMark : null,
    columns: [...mapping.headers].map(([field, header]) => ({ header, field })),
    ignored: mapping.ignored,
    counts,
    users: prepared.usersNeeded,
    newPeople: prepared.newPeople,
    failures,
    written: false,
  };
  if (options.dryRun || (options.strict && failures.length > 0)) return report;
  options.onWriteStart?.(counts.created + counts.updated);
  const { usersCreated } = await prepared.write({
    source: options.source,
    by: options.by,
    onProgress: options.onProgress,
  });
  return { ...report, users: usersCreated, written: true };
}
