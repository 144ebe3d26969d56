// The columns whose values the two databases hand back differently, by name (no name means two things in
// schema.prisma; tests/store/sql-values.test.ts checks this list against it). SQLite keeps dates as Prisma's ISO
// text, JSON as text and booleans as 0/1; PostgreSQL has timestamp, jsonb and boolean.

export const DATE_COLUMNS: ReadonlySet<string> = new Set([
  'archivedAt',
  'closedAt',
  'completedAt',
  'computedAt',
  'createdAt',
  'doneAt',
  'dueAt',
  'editedAt',
  'expectedCloseAt',
  'healthOverrideUntil',
  'installedAt',
  'lastContactAt',
  'leaseUntil',
  'leftAt',
  'occurredAt',
  'postedAt',
  'receivedAt',
  'remindedAt',
  'renewalAt',
  'retryAt',
  'stageChangedAt',
  'startedAt',
  'updatedAt',
]);

export const JSON_COLUMNS: ReadonlySet<string> = new Set([
  'aliases',
  'competitors',
  'components',
  'conversationRef',
  'details',
  'filter',
  'healthSettings',
  'messageRef',
  'reference',
]);

export const BOOLEAN_COLUMNS: ReadonlySet<string> = new Set(['deactivated', 'paused']);
