// Prisma's SQLite adapter stores DateTime as ISO 8601 text with a "+00:00" offset; raw queries must compare in the
// same form, and read it back as Date.

export function toSqlDate(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

export function fromSqlDate(value: string): Date;
export function fromSqlDate(value: string | null): Date | null;
export function fromSqlDate(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}
