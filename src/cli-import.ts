// `kam import` and `kam export`: CSV in and out of a workspace. The command line runs as the operator of the
// database, like the workspace's admin: it imports into, and exports, every account, restricted ones included
// (`kam export --as <person>` exports only what that person may see).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { EXIT_FOR, withStore } from './cli-commands.ts';
import type { Config } from './config.ts';
import type { Workspace } from './domain/records.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { exportCsv } from './export/export.ts';
import { ENTITIES, type Entity } from './import/column-names.ts';
import { DATE_ORDERS, type DateOrder } from './import/dates.ts';
import { type ImportReport, importCsv } from './import/import.ts';
import { describeColumns, describeFile, failureLines, summaryLines } from './import/report.ts';
import { consoleUserName } from './main.ts';
import { consoleWorkspace } from './platforms/console/session.ts';
import type { Store, Viewer, WorkspaceStore } from './store/store.ts';

/** Below this many rows an import is over before a progress bar would be worth drawing. */
export const PROGRESS_MIN_ROWS = 1_000;

const ENTITY_WORDS: Record<string, Entity> = {
  ...Object.fromEntries(ENTITIES.map((entity) => [entity, entity])),
  account: 'accounts',
  companies: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
  opps: 'opportunities',
  deals: 'opportunities',
  note: 'notes',
  user: 'users',
  people: 'users',
};

const EntitySchema = z
  .string()
  .transform((value) => ENTITY_WORDS[value.trim().toLowerCase()])
  .pipe(z.enum(ENTITIES, { error: `Say what the file holds: ${ENTITIES.join(', ')}.` }));

const DateFormatSchema = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.enum(DATE_ORDERS, { error: '--date-format takes iso, dmy (31/03/2017) or mdy (3/31/2017).' }));

const DecimalSchema = z
  .string()
  .transform((value) => ({ point: '.', '.': '.', comma: ',', ',': ',' })[value.trim().toLowerCase()])
  .pipe(z.enum(['.', ','], { error: '--decimal takes point or comma.' }));

const CurrencyOptionSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, { error: '--currency takes a currency code such as USD or EUR.' });

function parsed<T>(schema: z.ZodType<T>, value: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(result.error.issues[0]?.message ?? `“${value}” is not valid.`);
  return result.data;
}

export interface ImportCommandOptions {
  dryRun?: boolean;
  strict?: boolean;
  allowDuplicates?: boolean;
  workspace?: string;
  map?: string[];
  dateFormat?: string;
  decimal?: string;
  encoding?: string;
  separator?: string;
  currency?: string;
  stage?: string[];
  failures?: string;
  as?: string;
}

/** `--workspace 3`, `--workspace slack:T0A1B2C3D4E`, or the console's local workspace (as `kam demo` uses). */
async function workspaceFor(store: Store, config: Config, text: string | undefined): Promise<Workspace> {
  if (text === undefined) return consoleWorkspace(store, config.defaultTimeZone);
  const installation = /^(slack|teams|console):(.+)$/.exec(text.trim());
  const found = installation
    ? await store.workspaces.forInstallation(installation[1] as 'slack' | 'teams' | 'console', installation[2] ?? '')
    : /^\d+$/.test(text.trim())
      ? await store.workspaces.byId(Number(text))
      : undefined;
  if (found === undefined) {
    throw new ValidationError(
      `--workspace takes a workspace number or slack:<team id> / teams:<tenant id>, not “${text}”.`,
    );
  }
  if (!found) throw new NotFoundError(`There is no workspace ${text}; kam workspaces lists them.`);
  return found;
}

/** The workspace's user of that name or email, if there is one. */
async function userNamed(store: WorkspaceStore, name: string) {
  const wanted = name.trim().toLowerCase();
  return (await store.users.findByName(name)).find(
    (user) => user.displayName.toLowerCase() === wanted || user.email === wanted,
  );
}

function progressBar(rows: number): { update(done: number): void; stop(): void } | null {
  if (!process.stderr.isTTY || rows <= PROGRESS_MIN_ROWS) return null;
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'Importing [{bar}] {percentage}% | {value}/{total} rows | {eta_formatted} left',
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(rows, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}

function print(report: ImportReport, fileName: string, options: ImportCommandOptions): void {
  process.stdout.write(`${[describeFile(fileName, report), ...describeColumns(report)].join('\n')}\n`);
  const failures = failureLines(report, options.failures);
  if (failures.length > 0) process.stderr.write(`${failures.join('\n')}\n`);
  if (options.failures && report.failures.length > 0) {
    writeFileSync(options.failures, stringify(report.failures, { header: true, columns: ['line', 'reason'] }));
    process.stderr.write(`Every failed row is listed in ${options.failures}.\n`);
  }
  process.stdout.write(`${summaryLines(report, options.dryRun ?? false).join('\n')}\n`);
}

export async function importCommand(
  config: Config,
  entityText: string,
  file: string,
  options: ImportCommandOptions,
): Promise<number> {
  const entity = parsed(EntitySchema, entityText);
  const dateFormat: DateOrder | undefined = options.dateFormat
    ? parsed(DateFormatSchema, options.dateFormat)
    : undefined;
  const decimalMark = options.decimal ? parsed(DecimalSchema, options.decimal) : undefined;
  const currency = options.currency ? parsed(CurrencyOptionSchema, options.currency) : undefined;
  if (!existsSync(file)) throw new NotFoundError(`There is no file ${file}.`);
  const bytes = readFileSync(file);
  return withStore(config, async (store) => {
    const workspace = await workspaceFor(store, config, options.workspace);
    const ws = store.forWorkspace(workspace.id);
    const operator = options.as ?? consoleUserName(config);
    const user = await userNamed(ws, operator);
    const progress: { bar: ReturnType<typeof progressBar> } = { bar: null };
    let report: ImportReport;
    try {
      report = await importCsv(ws, bytes, {
        entity,
        source: { file: basename(file), ...(user ? {} : { operator }) },
        by: { userId: user?.id ?? null, origin: 'import' },
        maps: options.map,
        dateFormat,
        decimalMark,
        encoding: options.encoding,
        separator: options.separator,
        currency,
        stages: options.stage,
        dryRun: options.dryRun,
        strict: options.strict,
        allowDuplicates: options.allowDuplicates,
        onWriteStart: (rows) => {
          progress.bar = progressBar(rows);
        },
        onProgress: (done) => progress.bar?.update(done),
      });
    } finally {
      progress.bar?.stop();
    }
    print(report, basename(file), options);
    return report.failures.length === 0 ? EXIT_FOR.ok : EXIT_FOR.user_error;
  });
}

export interface ExportCommandOptions {
  workspace?: string;
  as?: string;
  separator?: string;
  force?: boolean;
}

export async function exportCommand(
  config: Config,
  entityText: string,
  file: string | undefined,
  options: ExportCommandOptions,
): Promise<number> {
  const entity = parsed(EntitySchema, entityText);
  const separator = { ',': ',', comma: ',', ';': ';', semicolon: ';' }[options.separator ?? ','];
  if (!separator) throw new ValidationError('--separator takes , or ; for an export.');
  if (file && existsSync(file) && !options.force) {
    throw new ValidationError(`${file} already exists. Choose another name, or add --force to overwrite it.`);
  }
  return withStore(config, async (store) => {
    const workspace = await workspaceFor(store, config, options.workspace);
    const ws = store.forWorkspace(workspace.id);
    let viewer: Viewer | undefined;
    if (options.as) {
      const user = await userNamed(ws, options.as);
      if (!user) throw new NotFoundError(`Nobody called ${options.as} uses workspace ${workspace.id}.`);
      viewer = { userId: user.id, role: user.role };
    }
    const { csv, records } = await exportCsv(ws, entity, { viewer, separator });
    if (!file) {
      process.stdout.write(csv);
      return EXIT_FOR.ok;
    }
    // A byte-order mark tells Excel the file is UTF-8 (kam import reads it with or without one).
    writeFileSync(file, `\uFEFF${csv}`);
    process.stderr.write(`Exported ${records.toLocaleString('en')} ${entity} to ${file}.\n`);
    return EXIT_FOR.ok;
  });
}
