// A process that keeps writing: a note into workspace 1, account 1 of the SQLite file given, every few
// milliseconds, until it is killed. It says "writing" once its first note is committed.
import BetterSqlite3 from 'better-sqlite3';

const [path, everyMs = '15'] = process.argv.slice(2);
const db = new BetterSqlite3(path, { timeout: 5_000 });
db.pragma('journal_mode = WAL');
const insert = db.prepare(
  `INSERT INTO "Note" (workspaceId, accountId, body, occurredAt, createdAt) VALUES (1, 1, ?, ?, ?)`,
);
let written = 0;
setInterval(() => {
  const at = new Date().toISOString().replace('Z', '+00:00');
  insert.run(`written during the backup ${++written}`, at, at);
  if (written === 1) process.stdout.write('writing\n');
}, Number(everyMs));
