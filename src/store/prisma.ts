// The one door to the generated Prisma client, for the rest of src/store.
import { Prisma, type PrismaClient } from './generated/prisma/client.ts';

export type { PrismaClient };
export { Prisma };

/** Writes SQL NULL into a nullable JSON column. */
export const DbNull = Prisma.DbNull;

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
