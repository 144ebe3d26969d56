// The words generated notes are written with. Real notes follow Zipf's law: a few words are in most notes, most
// words are rare. The vocabulary is ranked, and words are drawn with probability ∝ 1 / rank^s, so the "frequent
// words" of the benchmark really are frequent and the "even" mix really hits the long tail.
import type { Random } from '../../src/demo/random.ts';

/** Business words people write in account notes, roughly most common first: the head of the distribution. */
const COMMON = `
customer budget pricing proposal contract renewal meeting project team rollout pilot support delivery quote
integration timeline roadmap decision approval management procurement finance engineering operations security
plant site volume forecast service quality training demo workshop review update feedback requirements scope
license upgrade migration data reporting dashboard analytics performance uptime incident escalation ticket release
invoice payment discount terms framework agreement tender shortlist competitor reference case study board
executive sponsor champion stakeholder strategy goals growth expansion risk issue concern blocker priority
deadline milestone phase acceptance handover onboarding adoption usage users licenses seats capacity
maintenance spare parts warranty replacement sensor line machine equipment fleet vehicles network cloud hosting
architecture interface connector api export import compliance audit certification policy legal privacy gdpr
questionnaire assessment evaluation trial benchmark test results savings cost efficiency productivity downtime
energy consumption emissions sustainability targets reduction throughput yield scrap inspection defects
calibration monitoring alerts thresholds maintenance planning scheduling inventory warehouse logistics shipping
freight customs supplier portal registration onboarding vendor master purchase order requisition budget cycle
fiscal year quarter half headcount hiring reorganisation restructuring merger acquisition divestment spin
subsidiary headquarters region country market segment portfolio product module feature request bug fix patch
hotline response resolution sla penalty credit note dispute billing statement reconciliation forecast accuracy
pipeline opportunity deal value margin revenue potential upsell cross sell retention churn loyalty satisfaction
survey nps complaint praise recognition award conference event webinar newsletter visit dinner lunch call
email chat agenda minutes action items follow next steps owner responsible lead manager director head chief
officer controller buyer planner engineer technician operator specialist analyst consultant partner reseller
distributor integrator contractor agency office facility factory depot terminal port hub lab centre campus
rollout wave batch sprint backlog release candidate go live cutover rollback hypercare stabilisation tuning
configuration customisation template workflow approval chain signature legal review redlines clauses liability
indemnity termination notice period price increase indexation inflation currency exchange rate hedging
payment terms net days early payment rebate volume tier commitment minimum order forecast call off frame
consignment stock safety lead time backorder shortage allocation priority expedite air freight sea freight
carbon footprint scope reporting esg initiative programme pilot phase proof concept business case roi payback
tco capex opex depreciation leasing subscription consumption pay per use bundle package edition premium basic
standard enterprise suite platform solution offering catalogue price list quotation revision version draft final
signed countersigned approved rejected pending postponed cancelled paused resumed accelerated delayed on track
at risk critical urgent important nice optional mandatory regulatory statutory internal external global local
regional central decentral shared dedicated hybrid remote onsite offshore nearshore outsourced insourced
`;

/** Syllables for the long tail: product codes, plant names, internal jargon, project names. */
const ONSETS = ['b', 'br', 'c', 'cr', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'kl', 'l', 'm', 'n', 'p', 'pr', 'r', 's'];
const MORE_ONSETS = ['st', 't', 'tr', 'v', 'w', 'z', 'th', 'sk', 'pl', 'fl', 'qu'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'y', 'ea', 'io'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 'x', 'm', 'nd', 'rt', 'st', 'ck', 'th', 'v'];
const SUFFIXES = ['ion', 'ex', 'ix', 'ar', 'on', 'is', 'ium', 'ant', 'or', 'al', 'yne', 'ite', 'ora', 'ent'];

function syllable(rng: Random): string {
  return rng.pick(rng.chance(0.7) ? ONSETS : MORE_ONSETS) + rng.pick(NUCLEI) + rng.pick(CODAS);
}

/** A pronounceable made-up word, e.g. "kelvarion". */
export function pseudoWord(rng: Random, syllables = rng.int(2, 3)): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += syllable(rng);
  return rng.chance(0.4) ? word + rng.pick(SUFFIXES) : word;
}

export interface Vocabulary {
  /** Ranked: index 0 is the most frequent. */
  words: string[];
  /** Cumulative probabilities of the ranks (Zipf). */
  cumulative: Float64Array;
}

/** A vocabulary of `size` words: the common business words first, then made-up long-tail words. */
export function buildVocabulary(rng: Random, size: number, exponent = 1.05): Vocabulary {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of COMMON.split(/\s+/)) {
    if (word && !seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  // The common words keep roughly their order, shuffled a little so the list is not alphabetical by accident.
  const head = rng.shuffle(words.slice(0, 40)).concat(words.slice(40));
  words.length = 0;
  words.push(...head);
  while (words.length < size) {
    const word = pseudoWord(rng);
    if (word.length >= 4 && !seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let rank = 0; rank < words.length; rank++) {
    total += 1 / (rank + 1) ** exponent;
    cumulative[rank] = total;
  }
  for (let rank = 0; rank < words.length; rank++) cumulative[rank] = (cumulative[rank] ?? 0) / total;
  return { words, cumulative };
}

/** A word drawn by Zipf's law. */
export function zipfWord(vocabulary: Vocabulary, rng: Random): string {
  const roll = rng.next();
  const { cumulative } = vocabulary;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((cumulative[mid] ?? 1) < roll) low = mid + 1;
    else high = mid;
  }
  return vocabulary.words[low] ?? '';
}

/** Sentences that carry the Zipf-drawn words; `{w}` is a drawn word. */
export const OBSERVATIONS: readonly string[] = [
  'Discussed {w} and {w} with their {w} team.',
  'They asked about {w} {w} for the {w} project.',
  'Open points: {w}, {w} and {w}.',
  'Main concern is {w} around {w} {w}.',
  'Agreed to review the {w} {w} again next week.',
  'They mentioned {w} in the context of {w}.',
  'Need to clarify {w} {w} before the {w} review.',
  'Good progress on {w}; {w} still waiting on {w}.',
  'Their {w} lead wants a {w} comparison with {w}.',
  'Raised {w} as a priority for the {w} rollout.',
  'Question about {w} and {w} came up twice.',
  '{W} and {w} are on the agenda for the {w} meeting.',
];
