// Migration scripts split into the statements SQLite runs: semicolons in quotes, comments and trigger bodies do not
// end a statement.
import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../src/store/sql-statements.ts';

describe('splitStatements', () => {
  it('splits at the semicolons that end statements, keeping trigger bodies and quoted text whole', () => {
    const script = `-- CreateTable; not a statement
CREATE TABLE "A" ("x" TEXT DEFAULT 'a;b', "y" TEXT);
/* a comment; with a semicolon */
CREATE TRIGGER "t" AFTER INSERT ON "A" BEGIN
  INSERT INTO "B" VALUES (CASE WHEN new."x" = 'end;' THEN 1 ELSE 2 END);
  UPDATE "B" SET "n" = "n" + 1;
END;
INSERT INTO "A" ("x") VALUES ('it''s; fine');
PRAGMA foreign_keys=ON`;
    expect(splitStatements(script)).toEqual([
      `CREATE TABLE "A" ("x" TEXT DEFAULT 'a;b', "y" TEXT)`,
      `CREATE TRIGGER "t" AFTER INSERT ON "A" BEGIN
  INSERT INTO "B" VALUES (CASE WHEN new."x" = 'end;' THEN 1 ELSE 2 END);
  UPDATE "B" SET "n" = "n" + 1;
END`,
      `INSERT INTO "A" ("x") VALUES ('it''s; fine')`,
      'PRAGMA foreign_keys=ON',
    ]);
  });
});
