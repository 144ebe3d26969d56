// The one door to the generated Prisma client, for the rest of src/store.
import { Prisma, type PrismaClient } from './generated/prisma/client.ts';
import { JSON_COLUMNS } from './sql/columns.ts';

export type { PrismaClient };
export { Prisma };

/** Writes SQL NULL into a nullable JSON column. */
export const DbNull = Prisma.DbNull;

/**
 * A row of rows.ts as Prisma's create takes it: a JSON column left empty is SQL NULL (Prisma wants DbNull spelled
 * out for it), and the types are Prisma's own.
 */
export function prismaRow<Input>(row: object): Input {
  const data: Record<string, unknown> = { ...row };
  for (const column of JSON_COLUMNS) if (column in data && data[column] === null) data[column] = Prisma.DbNull;
  return data as Input;
}

/** The client or an open interactive transaction: repositories work on either. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** A unique constraint refused the write (Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** Reads a JSON column that holds an array of strings, tolerating anything else as empty. */
export function stringArray(value: Prisma.JsonValue | null | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
