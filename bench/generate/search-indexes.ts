// The FTS5 indexes during the load: their triggers are dropped first and, after the load, each index is rebuilt
// in one pass ('rebuild') and its triggers created again from the app's own SQL: the state the triggers would have
// left, only faster to reach. Then the words in the most notes, as the index counts them.
import type BetterSqlite3 from 'better-sqlite3';
import { SEARCH_INDEXES, searchTriggersSql } from '../../src/store/search-index-sql.ts';

export function dropSearchTriggers(db: BetterSqlite3.Database): void {
  for (const index of SEARCH_INDEXES) {
    for (const when of ['insert', 'delete', 'update']) db.exec(`DROP TRIGGER "${index.fts}_after_${when}"`);
  }
}

export function rebuildSearchIndexes(db: BetterSqlite3.Database): void {
  for (const index of SEARCH_INDEXES) {
    db.exec(`INSERT INTO "${index.fts}" ("${index.fts}") VALUES ('rebuild')`);
    db.exec(searchTriggersSql(index));
  }
}

/** The ten words in the most notes, with how many notes each is in. */
export function frequentNoteWords(db: BetterSqlite3.Database): { term: string; doc: number }[] {
  db.exec("CREATE VIRTUAL TABLE temp.note_vocab USING fts5vocab(main, 'note_fts', 'row')");
  const frequent = db.prepare('SELECT term, doc FROM temp.note_vocab ORDER BY doc DESC LIMIT 10').all() as {
    term: string;
    doc: number;
  }[];
  db.exec('DROP TABLE temp.note_vocab');
  return frequent;
}
