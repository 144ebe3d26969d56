// Deal stages as CRMs name them, mapped to kam-bot's six. Salesforce's default sales process, HubSpot's default
// pipeline (labels and internal ids), the Maven data set's Prospecting > Engaging > Won / Lost, and kam-bot's own.
// A company's own stage names are added with --stage "Name=stage".
import { OPPORTUNITY_STAGES, type OpportunityStage } from '../domain/records.ts';
import { ValidationError } from '../errors.ts';
import { headerKey } from './column-names.ts';

const STAGE_WORDS: Record<string, OpportunityStage> = {
  // kam-bot
  lead: 'lead',
  qualify: 'qualify',
  propose: 'propose',
  negotiate: 'negotiate',
  won: 'won',
  lost: 'lost',
  // Maven CRM data set
  prospecting: 'lead',
  engaging: 'qualify',
  // Salesforce
  qualification: 'qualify',
  needsanalysis: 'qualify',
  valueproposition: 'propose',
  iddecisionmakers: 'propose',
  perceptionanalysis: 'propose',
  proposalpricequote: 'propose',
  negotiationreview: 'negotiate',
  closedwon: 'won',
  closedlost: 'lost',
  // HubSpot (labels and internal ids compare the same)
  appointmentscheduled: 'lead',
  qualifiedtobuy: 'qualify',
  presentationscheduled: 'propose',
  decisionmakerboughtin: 'propose',
  contractsent: 'negotiate',
  // Common words
  new: 'lead',
  prospect: 'lead',
  qualified: 'qualify',
  discovery: 'qualify',
  proposal: 'propose',
  quote: 'propose',
  negotiation: 'negotiate',
  contract: 'negotiate',
  win: 'won',
  loss: 'lost',
};

export type StageNames = ReadonlyMap<string, OpportunityStage>;

/** The stage vocabulary with `--stage "Name=stage"` additions (which win over the built-in words). */
export function stageNames(extra: readonly string[] = []): StageNames {
  const names = new Map(Object.entries(STAGE_WORDS));
  for (const entry of extra) {
    const at = entry.lastIndexOf('=');
    const stage = entry
      .slice(at + 1)
      .trim()
      .toLowerCase() as OpportunityStage;
    if (at <= 0 || !OPPORTUNITY_STAGES.includes(stage)) {
      throw new ValidationError(
        `--stage takes "Your stage=one of ${OPPORTUNITY_STAGES.join(', ')}", e.g. --stage "Technical Win=negotiate" (not “${entry}”).`,
      );
    }
    names.set(headerKey(entry.slice(0, at)), stage);
  }
  return names;
}

export function stageOf(text: string, names: StageNames): OpportunityStage | null {
  return names.get(headerKey(text)) ?? null;
}
