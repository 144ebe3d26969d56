// Full-text search over accounts, contacts and notes: FTS5 tables with external content, kept in step with their
// tables by triggers. Prisma's schema language cannot describe them, so they live here, are written into
// migrations by scripts/new-migration.ts, and are declared external to the schema engine so it leaves them be.
//
// unicode61 with remove_diacritics 2 makes "Müller" match "muller". Notes are ranked within their most recent
// matches (see search.ts), which keeps a search for a very common word fast at a million notes.

interface IndexedTable {
  /** The FTS5 table. */
  fts: string;
  /** The Prisma model's table that holds the content. */
  table: string;
  columns: readonly string[];
}

export const SEARCH_INDEXES: readonly IndexedTable[] = [
  { fts: 'account_fts', table: 'Account', columns: ['name', 'key', 'aliases', 'sector', 'country'] },
  { fts: 'contact_fts', table: 'Contact', columns: ['name', 'title', 'email'] },
  { fts: 'note_fts', table: 'Note', columns: ['body'] },
];

const FTS5_SHADOW_SUFFIXES = ['', '_data', '_idx', '_docsize', '_config'];

/** Every table FTS5 creates, for the schema engine's `externalTables` filter. */
export const SEARCH_INDEX_TABLES: string[] = SEARCH_INDEXES.flatMap((index) =>
  FTS5_SHADOW_SUFFIXES.map((suffix) => `${index.fts}${suffix}`),
);

function values(prefix: 'new' | 'old', columns: readonly string[]): string {
  return columns.map((column) => `${prefix}."${column}"`).join(', ');
}

/** Triggers that keep one index in step with its table. Dropped with the table when a migration redefines it. */
export function searchTriggersSql(index: IndexedTable): string {
  const cols = index.columns.map((column) => `"${column}"`).join(', ');
  const { fts, table } = index;
  return `CREATE TRIGGER "${fts}_after_insert" AFTER INSERT ON "${table}" BEGIN
    INSERT INTO "${fts}" (rowid, ${cols}) VALUES (new."id", ${values('new', index.columns)});
END;
CREATE TRIGGER "${fts}_after_delete" AFTER DELETE ON "${table}" BEGIN
    INSERT INTO "${fts}" ("${fts}", rowid, ${cols}) VALUES ('delete', old."id", ${values('old', index.columns)});
END;
CREATE TRIGGER "${fts}_after_update" AFTER UPDATE OF ${cols} ON "${table}" BEGIN
    INSERT INTO "${fts}" ("${fts}", rowid, ${cols}) VALUES ('delete', old."id", ${values('old', index.columns)});
    INSERT INTO "${fts}" (rowid, ${cols}) VALUES (new."id", ${values('new', index.columns)});
END;
`;
}

/** Creates one index, its triggers, and fills it from the table's rows. */
export function createSearchIndexSql(index: IndexedTable): string {
  const cols = index.columns.map((column) => `"${column}"`).join(', ');
  return `CREATE VIRTUAL TABLE "${index.fts}" USING fts5(${cols}, content='${index.table}', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
${searchTriggersSql(index)}INSERT INTO "${index.fts}" ("${index.fts}") VALUES ('rebuild');
`;
}
