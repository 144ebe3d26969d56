// Which column fills which field: the recognised header names, overridden by `--map column=field`. Problems with
// the columns are the whole file's, so they stop the import before any row is read.
import { ValidationError } from '../errors.ts';
import { COLUMN_NAMES, type Entity, fieldNames, headerKey } from './column-names.ts';

export interface ColumnMapping {
  /** Field → the index of the column that fills it. */
  fields: Map<string, number>;
  /** Field → the column's header as written, for messages. */
  headers: Map<string, string>;
  /** Headers of the columns nothing reads. */
  ignored: string[];
}

/** What a row needs at least one of, per entity, to be found or created. */
const IDENTITY: Record<Entity, { fields: string[]; describe: string }> = {
  accounts: { fields: ['name', 'key', 'externalId'], describe: 'the account name (or key, or id)' },
  contacts: { fields: ['name', 'firstName', 'lastName', 'email', 'externalId'], describe: "the contact's name" },
  opportunities: { fields: ['title', 'externalId'], describe: "the opportunity's title (or id)" },
  notes: { fields: ['body', 'subject'], describe: 'the note text' },
  users: { fields: ['name', 'email'], describe: "the person's name or email" },
};
const ACCOUNT_FIELDS = ['account', 'accountKey', 'accountExternalId'];
const IGNORE = new Set(['', '-', 'ignore', 'skip']);

/** `--map "Account Name=name"` → ["Account Name", "name"]; the last `=` splits, so headers may contain one. */
function parseMap(map: string): [string, string] {
  const at = map.lastIndexOf('=');
  if (at <= 0) throw new ValidationError(`--map takes column=field, e.g. --map "Company=name" (not “${map}”).`);
  return [map.slice(0, at).trim(), map.slice(at + 1).trim()];
}

export function resolveColumns(header: readonly string[], entity: Entity, maps: readonly string[] = []): ColumnMapping {
  const known = fieldNames(entity);
  const byKey = new Map<string, string>();
  for (const field of known) {
    for (const name of [field, ...(COLUMN_NAMES[entity][field] ?? [])]) {
      if (!byKey.has(headerKey(name))) byKey.set(headerKey(name), field);
    }
  }
  const chosen = new Map<number, string | null>();
  for (const map of maps) {
    const [column, field] = parseMap(map);
    const index = header.findIndex((name) => name === column || headerKey(name) === headerKey(column));
    if (index < 0) {
      throw new ValidationError(`--map names the column “${column}”, but the file's columns are ${header.join(', ')}.`);
    }
    const target = known.find((name) => name.toLowerCase() === field.toLowerCase());
    if (!target && !IGNORE.has(field.toLowerCase())) {
      throw new ValidationError(`--map: ${entity} have no field “${field}”; the fields are ${known.join(', ')}.`);
    }
    chosen.set(index, target ?? null);
  }
  const fields = new Map<string, number>();
  const headers = new Map<string, string>();
  const ignored: string[] = [];
  header.forEach((name, index) => {
    const field = chosen.has(index) ? chosen.get(index) : byKey.get(headerKey(name));
    if (!field) {
      if (name !== '') ignored.push(name);
      return;
    }
    const other = headers.get(field);
    if (other !== undefined) {
      throw new ValidationError(
        `Both “${other}” and “${name}” would fill ${field}; keep one with --map "${name}=-" (or map it to another field).`,
      );
    }
    fields.set(field, index);
    headers.set(field, name);
  });
  requireColumns(entity, fields);
  return { fields, headers, ignored };
}

function requireColumns(entity: Entity, fields: Map<string, number>): void {
  const identity = IDENTITY[entity];
  if (!identity.fields.some((field) => fields.has(field))) {
    throw new ValidationError(
      `No column holds ${identity.describe}; name one ${identity.fields[0]}, or add --map "<column>=${identity.fields[0]}".`,
    );
  }
  // Contacts and opportunities can be updated by id alone; a note is only ever added to an account.
  const needsAccount =
    entity === 'notes' || ((entity === 'contacts' || entity === 'opportunities') && !fields.has('externalId'));
  if (needsAccount && !ACCOUNT_FIELDS.some((field) => fields.has(field))) {
    throw new ValidationError(
      `No column says which account each of the ${entity} belongs to; name one account, or add --map "<column>=account".`,
    );
  }
}

/** A row's cells by field: undefined where the file has no such column. */
export function cellsByField(mapping: ColumnMapping, cells: readonly string[]): Record<string, string | undefined> {
  const record: Record<string, string | undefined> = {};
  for (const [field, index] of mapping.fields) record[field] = cells[index] ?? '';
  return record;
}
