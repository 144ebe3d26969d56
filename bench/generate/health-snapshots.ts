// Nine weekly health snapshots per open account, drifting from a score set by the account's profile: the source of
// trends and of the digest's "turned amber/red".
import { DAY_MS } from '../../src/demo/random.ts';
import { isoWeekKey } from '../../src/domain/health-trend.ts';
import { type GenAccount, type Generation, iso, type Profile, WORKSPACE_ID } from './shared.ts';

const PROFILE_SCORE: Record<Profile, number> = { thriving: 82, steady: 70, quiet: 52, dormant: 30, at_risk: 42 };

/** Inserts the snapshots; returns how many. */
export function insertHealthSnapshots(gen: Generation, accounts: GenAccount[]): number {
  const { db, rng, now } = gen;
  const snapRng = rng.fork('snapshots');
  const insertSnapshot = db.prepare(
    `INSERT INTO HealthSnapshot (workspaceId, accountId, score, band, components, periodKey, computedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const band = (score: number) => (score >= 70 ? 'green' : score >= 40 ? 'amber' : 'red');
  let snapshots = 0;
  db.transaction(() => {
    for (const account of accounts) {
      if (account.archived) continue;
      let score = PROFILE_SCORE[account.profile] + snapRng.int(-12, 12);
      for (let week = 8; week >= 0; week--) {
        score = Math.max(5, Math.min(98, score + snapRng.int(-6, 6)));
        const at = now - week * 7 * DAY_MS;
        if (at < account.createdAt) continue;
        const monday = Math.floor(at / DAY_MS) * DAY_MS - ((new Date(at).getUTCDay() + 6) % 7) * DAY_MS;
        const components = [
          ['engagement', 'Engagement', 30, `last contact ${snapRng.int(1, 90)} days ago`],
          ['relationships', 'Relationships', 20, `${snapRng.int(1, 4)} positive contacts`],
          ['sentiment', 'Sentiment', 20, `${snapRng.int(1, 12)} recent notes, mostly neutral`],
          ['followThrough', 'Follow-through', 15, `${snapRng.int(0, 3)} follow-ups overdue`],
          ['pipeline', 'Pipeline & renewal', 15, `${snapRng.int(0, 3)} open opportunities`],
        ].map(([key, label, weight, reason]) => ({
          key,
          label,
          weight,
          score: Math.max(0, Math.min(100, score + snapRng.int(-25, 25))),
          reason,
        }));
        insertSnapshot.run(
          WORKSPACE_ID,
          account.id,
          score,
          band(score),
          JSON.stringify(components),
          isoWeekKey(new Date(at)),
          iso(monday + 2 * 3_600_000),
        );
        snapshots++;
      }
    }
  })();
  return snapshots;
}
