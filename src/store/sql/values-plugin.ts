// One way for values to cross into either database and back. Parameters: a Date is Prisma's text on SQLite and UTC
// ISO text for PostgreSQL's timestamp, a boolean 1/0 on SQLite, an object or array is JSON text on both. Rows: on SQLite the
// columns of columns.ts become Date, parsed JSON and boolean again, so the store sees the same row on both.
import {
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from 'kysely';
import { toSqlDate } from '../sql-dates.ts';
import { BOOLEAN_COLUMNS, DATE_COLUMNS, JSON_COLUMNS } from './columns.ts';

export type Dialect = 'sqlite' | 'postgres';

/** A value as the database takes it as a parameter. */
export function encodeValue(value: unknown, dialect: Dialect): unknown {
  // PostgreSQL's timestamp has no zone: it takes the UTC wall clock as written (pg would write the process's local
  // time for a Date).
  if (value instanceof Date) return dialect === 'sqlite' ? toSqlDate(value) : value.toISOString();
  if (typeof value === 'boolean') return dialect === 'sqlite' ? (value ? 1 : 0) : value;
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) return JSON.stringify(value);
  return value;
}

class ValueEncoder extends OperationNodeTransformer {
  constructor(private readonly dialect: Dialect) {
    super();
  }

  protected override transformValue(node: ValueNode): ValueNode {
    return { ...node, value: encodeValue(node.value, this.dialect) };
  }

  /** Insert rows of plain values, and `in (…)` lists, come as lists rather than one node per value. */
  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return { ...node, values: node.values.map((value) => encodeValue(value, this.dialect)) };
  }
}

function decodeSqliteRow(row: UnknownRow): UnknownRow {
  for (const column in row) {
    const value = row[column];
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' && DATE_COLUMNS.has(column)) row[column] = new Date(value);
    else if (typeof value === 'string' && JSON_COLUMNS.has(column)) row[column] = JSON.parse(value);
    else if (typeof value === 'number' && BOOLEAN_COLUMNS.has(column)) row[column] = value !== 0;
  }
  return row;
}

export class ValuesPlugin implements KyselyPlugin {
  private readonly encoder: ValueEncoder;

  constructor(private readonly dialect: Dialect) {
    this.encoder = new ValueEncoder(dialect);
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.encoder.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.dialect === 'sqlite') args.result.rows.forEach(decodeSqliteRow);
    return args.result;
  }
}
