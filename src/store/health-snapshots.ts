import type BetterSqlite3 from 'better-sqlite3';
import type { HealthBand } from '../domain/records.ts';
import { listParam, plainReader } from './plain-reads.ts';
import type { Db, Prisma } from './prisma.ts';

export interface HealthSnapshot {
  accountId: number;
  periodKey: string;
  score: number;
  band: HealthBand;
  components: unknown;
  computedAt: Date;
}

/** Weekly health per account: the source of trends. One per account and ISO week; a later one replaces it. */
export class HealthSnapshotRepository {
  constructor(
    private readonly db: Db,
    private readonly workspaceId: number,
    private readonly sqlite?: BetterSqlite3.Database,
  ) {}

  async record(snapshot: HealthSnapshot): Promise<void> {
    const data = {
      score: snapshot.score,
      band: snapshot.band,
      components: snapshot.components as Prisma.InputJsonValue,
      computedAt: snapshot.computedAt,
    };
    await this.db.healthSnapshot.upsert({
      where: { accountId_periodKey: { accountId: snapshot.accountId, periodKey: snapshot.periodKey } },
      create: { ...data, workspaceId: this.workspaceId, accountId: snapshot.accountId, periodKey: snapshot.periodKey },
      update: data,
    });
  }

  /** The account's snapshots, oldest first, for the given weeks. */
  async history(accountId: number, periodKeys: readonly string[]): Promise<HealthSnapshot[]> {
    const plain = plainReader(this.db, this.sqlite);
    if (plain) {
      return plain.all<HealthSnapshot>(
        `SELECT * FROM HealthSnapshot WHERE workspaceId = ? AND accountId = ?
           AND periodKey IN (SELECT value FROM json_each(?)) ORDER BY periodKey ASC`,
        { dates: ['computedAt'], json: ['components'] },
        this.workspaceId,
        accountId,
        listParam(periodKeys),
      );
    }
    const rows = await this.db.healthSnapshot.findMany({
      where: { workspaceId: this.workspaceId, accountId, periodKey: { in: [...periodKeys] } },
      orderBy: { periodKey: 'asc' },
    });
    return rows.map((row) => ({ ...row, components: row.components as unknown }));
  }

  /** Every account's snapshot for the given weeks (digests compare this week with last). */
  async forPeriods(periodKeys: readonly string[]): Promise<HealthSnapshot[]> {
    const rows = await this.db.healthSnapshot.findMany({
      where: { workspaceId: this.workspaceId, periodKey: { in: [...periodKeys] } },
      select: { accountId: true, periodKey: true, score: true, band: true, computedAt: true },
    });
    return rows.map((row) => ({ ...row, components: null }));
  }
}
