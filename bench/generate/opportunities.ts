// Opportunities in every stage, with values, close dates, competitors and loss reasons; each account keeps its
// opportunity titles for the note and task texts.
import { COMPETITORS, COUNTRIES, LOSS_REASONS, PRODUCTS } from '../../src/demo/names.ts';
import { DAY_MS } from '../../src/demo/random.ts';
import { fill, OPPORTUNITY_TITLES } from '../../src/demo/texts.ts';
import type { OpportunityStage } from '../../src/domain/records.ts';
import { capitalise, type GenAccount, type Generation, iso, type WeightedPicker, WORKSPACE_ID } from './shared.ts';

export function insertOpportunities(gen: Generation, accounts: GenAccount[], accountPicker: WeightedPicker): void {
  const { db, rng, now, sizes } = gen;
  const oppRng = rng.fork('opportunities');
  const insertOpp = db.prepare(
    `INSERT INTO Opportunity (workspaceId, accountId, title, stage, value, currency, expectedCloseAt, probability,
       competitors, lossReason, ownerId, stageChangedAt, closedAt, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const STAGES: readonly (readonly [OpportunityStage, number])[] = [
    ['lead', 14],
    ['qualify', 14],
    ['propose', 12],
    ['negotiate', 8],
    ['won', 32],
    ['lost', 20],
  ];
  const PROBABILITY: Record<OpportunityStage, number> = {
    lead: 10,
    qualify: 25,
    propose: 50,
    negotiate: 75,
    won: 100,
    lost: 0,
  };
  db.transaction(() => {
    for (let i = 0; i < sizes.opportunities; i++) {
      const account = accounts[accountPicker.pick(oppRng)] as GenAccount;
      const product = oppRng.pick(PRODUCTS);
      const title =
        fill(oppRng.pick(OPPORTUNITY_TITLES), {
          Product: capitalise(product),
          product,
          site: oppRng.pick(COUNTRIES[account.country].cities as readonly string[]),
          year: String(new Date(now).getUTCFullYear() + oppRng.int(0, 1)),
        }) ?? product;
      account.opportunities.push(title);
      const stage = oppRng.weighted(STAGES);
      const closed = stage === 'won' || stage === 'lost';
      const closedAt = closed ? now - oppRng.int(1, 900) * DAY_MS : null;
      const stageChangedAt = closedAt ?? now - oppRng.int(1, 150) * DAY_MS;
      const expected = closed ? (closedAt as number) : now + oppRng.int(-25, 240) * DAY_MS;
      const created = Math.min(stageChangedAt - oppRng.int(10, 200) * DAY_MS, now);
      const competitors = oppRng.sample(COMPETITORS, oppRng.int(0, 2));
      insertOpp.run(
        WORKSPACE_ID,
        account.id,
        title,
        stage,
        Math.round(oppRng.float(20, 2_000)) * 1_000,
        COUNTRIES[account.country].currency,
        iso(Math.floor(expected / DAY_MS) * DAY_MS + 16 * 3_600_000),
        PROBABILITY[stage],
        JSON.stringify(competitors),
        stage === 'lost' ? oppRng.pick(LOSS_REASONS) : null,
        account.ownerId,
        iso(stageChangedAt),
        closedAt === null ? null : iso(closedAt),
        iso(created),
        iso(stageChangedAt),
      );
    }
  })();
}
