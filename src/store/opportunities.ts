import type BetterSqlite3 from 'better-sqlite3';
import { OPEN_STAGES, type Opportunity, type OpportunityStage } from '../domain/records.ts';
import { NotFoundError } from '../errors.ts';
import { type Actor, AuditLog } from './audit.ts';
import { plainReader } from './plain-reads.ts';
import { type Db, type Prisma, prismaRow, stringArray } from './prisma.ts';
import { opportunityRow } from './rows.ts';
import { inTransaction } from './transaction.ts';

type OpportunityRow = Prisma.OpportunityGetPayload<object>;

const OPPORTUNITY_SHAPE = {
  dates: ['expectedCloseAt', 'stageChangedAt', 'closedAt', 'createdAt', 'updatedAt'],
  json: ['competitors'],
};
const OPEN_STAGES_SQL = `(${OPEN_STAGES.map((stage) => `'${stage}'`).join(', ')})`;

export function toOpportunity(row: OpportunityRow): Opportunity {
  return {
    id: row.id,
    accountId: row.accountId,
    title: row.title,
    stage: row.stage,
    value: row.value,
    currency: row.currency,
    expectedCloseAt: row.expectedCloseAt,
    probability: row.probability,
    competitors: stringArray(row.competitors),
    lossReason: row.lossReason,
    ownerId: row.ownerId,
    stageChangedAt: row.stageChangedAt,
    closedAt: row.closedAt,
  };
}

export interface NewOpportunity {
  accountId: number;
  title: string;
  stage?: OpportunityStage;
  value?: number | null;
  currency?: string;
  expectedCloseAt?: Date | null;
  probability?: number | null;
  competitors?: string[];
  lossReason?: string | null;
  ownerId?: number | null;
  stageChangedAt?: Date;
  closedAt?: Date | null;
  externalId?: string | null;
}

export type OpportunityPatch = Partial<Omit<NewOpportunity, 'accountId' | 'externalId'>>;

export class OpportunityRepository {
  constructor(
    private readonly db: Db,
    private readonly workspaceId: number,
    private readonly sqlite?: BetterSqlite3.Database,
  ) {}

  async byId(id: number): Promise<Opportunity | null> {
    const row = await this.db.opportunity.findFirst({ where: { workspaceId: this.workspaceId, id } });
    return row ? toOpportunity(row) : null;
  }

  async forAccount(accountId: number, openOnly = false): Promise<Opportunity[]> {
    const plain = plainReader(this.db, this.sqlite);
    const rows = plain
      ? plain.all<OpportunityRow>(
          `SELECT * FROM Opportunity WHERE workspaceId = ? AND accountId = ? ${openOnly ? `AND stage IN ${OPEN_STAGES_SQL}` : ''}
           ORDER BY expectedCloseAt ASC NULLS LAST, id ASC`,
          OPPORTUNITY_SHAPE,
          this.workspaceId,
          accountId,
        )
      : await this.db.opportunity.findMany({
          where: {
            workspaceId: this.workspaceId,
            accountId,
            ...(openOnly ? { stage: { in: [...OPEN_STAGES] } } : {}),
          },
          orderBy: [{ expectedCloseAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
        });
    return rows.map(toOpportunity);
  }

  /** Opportunities of the whole workspace, open or in the given stages, biggest first: the portfolio's pipeline. */
  async list(filter: { stages?: readonly OpportunityStage[] } = {}, limit = 10_000): Promise<Opportunity[]> {
    const rows = await this.db.opportunity.findMany({
      where: { workspaceId: this.workspaceId, stage: { in: [...(filter.stages ?? OPEN_STAGES)] } },
      orderBy: [{ value: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
      take: limit,
    });
    return rows.map(toOpportunity);
  }

  async add(input: NewOpportunity, by: Actor): Promise<Opportunity> {
    return inTransaction(this.db, async (tx) => {
      const row = await tx.opportunity.create({
        data: prismaRow<Prisma.OpportunityUncheckedCreateInput>(opportunityRow(this.workspaceId, input, new Date())),
      });
      await new AuditLog(tx, this.workspaceId).record(by, 'opportunity.create', 'opportunity', row.id, {
        accountId: input.accountId,
      });
      return toOpportunity(row);
    });
  }

  /** Updates fields; a stage change stamps stageChangedAt, and won/lost stamp closedAt. */
  async update(id: number, patch: OpportunityPatch, by: Actor, at: Date): Promise<Opportunity> {
    return inTransaction(this.db, async (tx) => {
      const existing = await tx.opportunity.findFirst({ where: { workspaceId: this.workspaceId, id } });
      if (!existing) throw new NotFoundError(`There is no opportunity ${id}.`);
      const stageChanged = patch.stage !== undefined && patch.stage !== existing.stage;
      const closing = stageChanged && (patch.stage === 'won' || patch.stage === 'lost');
      const row = await tx.opportunity.update({
        where: { id },
        data: {
          ...patch,
          ...(stageChanged ? { stageChangedAt: at, closedAt: closing ? at : null } : {}),
        },
      });
      await new AuditLog(tx, this.workspaceId).record(by, 'opportunity.update', 'opportunity', id, {
        fields: Object.keys(patch),
        ...(stageChanged ? { from: existing.stage, to: patch.stage } : {}),
      });
      return toOpportunity(row);
    });
  }
}
