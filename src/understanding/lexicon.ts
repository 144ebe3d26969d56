// The words that carry a question's meaning, in English and German, grouped into concepts. A word may belong to
// several concepts ("open" is a state and a verb); intents ask for concepts, never for words, so a German and an
// English question with the same concepts become the same command. Entries are written as normalize() folds
// them: no accents, ß as ss, lower case. Phrases of up to four words match before their single words.
import { editDistance } from '../domain/edit-distance.ts';
import type { Word } from './words.ts';

const CUES = {
  how: ['how', 'hw', 'hows', 'how s', 'wie', 'wies', 'wie s'],
  doing: [
    'doing',
    'going',
    'looking',
    'getting on',
    'lauft',
    'laufts',
    'lauft es',
    'steht',
    'stehts',
    'geht',
    'gehts',
    'geht es',
    'entwickelt',
    'stand',
    'aussieht',
    'aus',
    'sieht',
  ],
  health: ['health', 'healthy', 'score', 'health score', 'gesundheit', 'zustand', 'scoring'],
  why: ['why', 'whys', 'warum', 'wieso', 'weshalb', 'how come'],
  risk: [
    'at risk',
    'risk',
    'risky',
    'in trouble',
    'trouble',

    'unhealthy',
    'need attention',
    'needs attention',
    'need help',
    'critical',
    'gefahrdet',
    'kritisch',

    'im argen',
    'risiko',
    'sorgenkinder',
    'probleme',
    'brennt',
    'brennen',
    'aufmerksamkeit',
  ],
  red: ['red', 'rot', 'rote', 'roten', 'roter'],
  amber: ['amber', 'yellow', 'orange', 'gelb', 'gelbe', 'gelben'],
  green: ['green', 'healthy ones', 'grun', 'grune', 'grunen', 'gesund', 'gesunde'],
  owner: [
    'owns',
    'owner',
    'own',
    'responsible',
    'in charge of',
    'looks after',
    'looking after',
    'manages',
    'kam',
    'account manager',
    'account owner',
    'betreut',
    'betreuer',
    'betreuerin',
    'zustandig',
    'verantwortlich',
    'verantwortet',
    'kummert sich',
    'gehort',
    'whose',
    'wem',
    'key account manager',
  ],
  team: ['team', 'account team', 'works on', 'working on it', 'kundenteam', 'teams'],
  sponsor: ['sponsor', 'executive sponsor', 'exec sponsor', 'pate', 'sponsorin'],
  contact: [
    'contacts',
    'contact',
    'stakeholders',
    'stakeholder',
    'people',
    'know',
    'do we know',
    'decision makers',
    'ansprechpartner',
    'ansprechpartnerin',
    'kontakte',
    'kontakt',
    'kennen wir',
    'kennen',
    'buying centre',
    'buying center',
    'einkaufsgremium',
    'entscheider',
    'personen',
    'leute',
  ],
  champion: ['champion', 'champions', 'fursprecher', 'fursprecherin', 'promoter', 'coach'],
  decisionMaker: ['decision maker', 'decision makers', 'decides', 'entscheider', 'entscheiderin', 'entscheidet'],
  economicBuyer: ['economic buyer', 'budget holder', 'budget owner', 'holds the budget', 'budgetverantwortlich'],
  influencer: ['influencer', 'influencers', 'beeinflusser', 'meinungsmacher'],
  gatekeeper: ['gatekeeper', 'gatekeepers', 'torwachter'],
  opportunity: [
    'opportunities',
    'opportunity',
    'opps',
    'opp',
    'deals',
    'deal',
    'pipeline',
    'pipe',
    'forecast',
    'chancen',
    'chance',
    'verkaufschancen',
    'verkaufschance',
    'opportunitys',
    'projekte',
    'abschlusse',
    'abschluss',
    'selling',
    'bidding',
    'verkaufen',
    'auftrage',
    'auftrag',
  ],
  total: ['total', 'sum', 'overall', 'all in all', 'altogether', 'gesamt', 'insgesamt', 'summe', 'gesamte', 'volumen'],
  weighted: ['weighted', 'gewichtet', 'gewichtete', 'gewichteten', 'probability weighted'],
  biggest: [
    'biggest',
    'largest',
    'top',
    'largest ones',
    'groessten',
    'grossten',
    'grosste',
    'grossten deals',
    'wichtigsten',
    'dicksten',
    'most valuable',
    'highest',
  ],
  closing: [
    'closing',
    'close',
    'closes',
    'to close',
    'schliessen',
    'abschliessen',
    'abgeschlossen werden',
    'closedate',
  ],
  pastClose: [
    'past their close date',
    'past close date',
    'past the close date',
    'past due',
    'slipped',
    'slipping',
    'uber dem abschlussdatum',
    'abschlussdatum uberschritten',
    'uberfallige deals',
    'verpasst',
    'should have closed',
    'past close',
  ],
  competitor: [
    'competitors',
    'competitor',
    'competition',
    'up against',
    'against',
    'compete',
    'competing',
    'rivals',
    'rival',
    'wettbewerber',
    'wettbewerb',
    'konkurrenz',
    'konkurrenten',
    'mitbewerber',
    'gegen',
  ],
  lost: ['lost', 'lose', 'loss', 'losses', 'verloren', 'verlorene', 'verlorenen', 'verlieren', 'verlust', 'verluste'],
  won: ['won', 'win', 'wins', 'gewonnen', 'gewonnene', 'gewonnenen', 'gewinnen', 'erfolge'],
  renewal: [
    'renewal',
    'renewals',
    'renew',
    'renews',
    'renewing',
    'up for renewal',
    'contract end',
    'verlangerung',
    'verlangerungen',
    'verlangert',
    'verlangern',
    'vertragsverlangerung',
    'vertragsende',
    'laufzeitende',
    'renewal date',
  ],
  task: [
    'tasks',
    'working on',
    'task',
    'follow ups',
    'follow up',
    'followups',
    'followup',
    'todos',
    'todo',
    'to dos',
    'to do',
    'action items',
    'aufgaben',
    'aufgabe',
    'wiedervorlage',
    'wiedervorlagen',
    'todo s',
    'on my plate',
    'on my list',
    'have to do',
    'need to do',
    'erledigen',
    'reminders',
  ],
  overdue: [
    'overdue',
    'late',
    'behind',
    'behind on',
    'late on',
    'past due',
    'uberfallig',
    'uberfallige',
    'uberfalligen',
    'ueberfaellig',
    'verspatet',
    'liegengeblieben',
    'im verzug',
  ],
  due: ['due', 'fallig', 'faellig', 'coming up', 'anstehend', 'anstehende', 'steht an', 'stehen an'],
  mine: ['my', 'mine', 'i', 'myself', 'meine', 'mein', 'meinen', 'meiner', 'meinem', 'ich'],
  accounts: [
    'accounts',
    'account',
    'portfolio',
    'customers',
    'customer',
    'clients',
    'client',
    'kunden',
    'kunde',
    'konten',
    'konto',
    'accounts list',
    'firmen',
    'key accounts',
    'schlusselkunden',
  ],
  list: ['list', 'show all', 'all', 'alle', 'auflisten', 'liste', 'which', 'what accounts', 'welche', 'welcher'],
  quiet: [
    'quiet',
    'gone quiet',
    'silent',
    'not contacted',
    'not been contacted',
    'no contact',
    'havent contacted',
    'have not contacted',
    'not talked to',
    'havent talked to',
    'not spoken to',
    'havent spoken to',
    'not heard from',
    'havent heard from',
    'nicht kontaktiert',
    'nicht gesprochen',
    'kein kontakt',
    'keinen kontakt',
    'funkstille',
    'ruhig',
    'still',
    'eingeschlafen',
    'nichts gehort',
    'not touched',
    'neglected',
    'vernachlassigt',
  ],
  news: [
    'news',
    'new',
    'latest',
    'updates',
    'update',
    'recent',
    'recently',
    'neues',
    'neuigkeiten',
    'gibt es neues',
    'gibts neues',
    'aktuelles',
    'notes',
    'notizen',
    'latest notes',
  ],
  history: [
    'happened',
    'happening',
    'going on',
    'history',
    'timeline',
    'verlauf',
    'historie',
    'passiert',
    'los',
    'lief',
    'gelaufen',
  ],
  revenue: ['revenue', 'revenues', 'turnover', 'sales', 'umsatz', 'umsatze', 'jahresumsatz', 'annual revenue'],
  potential: ['potential', 'potenzial', 'potential revenue', 'whitespace', 'white space', 'upside'],
  currency: ['currency', 'wahrung'],
  strategy: ['strategy', 'plan', 'account plan', 'strategie', 'ziel', 'ziele', 'goal', 'goals'],
  country: ['country', 'land', 'based', 'sitz', 'headquartered', 'where is'],
  region: ['region'],
  sector: ['sector', 'industry', 'branche', 'industrie', 'sektor'],
  parent: [
    'parent',
    'parent company',
    'mutter',
    'muttergesellschaft',
    'konzernmutter',
    'belongs to',
    'part of',
    'gehort zu',
  ],
  subsidiaries: [
    'subsidiaries',
    'subsidiary',
    'daughters',
    'tochter',
    'tochtergesellschaften',
    'tochterfirmen',
    'tochtern',
    'entities',
    'group companies',
    'konzerngesellschaften',
    'landergesellschaften',
  ],
  tier: ['tier', 'tiers', 'stufe', 'klasse', 'kategorie'],
  statusWord: ['status', 'active', 'on hold', 'prospect', 'churned'],
  digest: [
    'digest',
    'weekly digest',
    'weekly summary',
    'summary',
    'wochenbericht',
    'zusammenfassung',
    'wochenzusammenfassung',
    'wochenubersicht',
    'wochenreport',
  ],
  help: [
    'help',
    'hilfe',
    'what can you do',
    'was kannst du',
    'how does this work',
    'wie funktioniert',
    'commands',
    'befehle',
    'what do you do',
    'was machst du',
    'getting started',
  ],
  greeting: [
    'hi',
    'hello',
    'hey',
    'hallo',
    'moin',
    'servus',
    'good morning',
    'guten morgen',
    'guten tag',
    'gruss gott',
    'gruezi',
    'yo',
  ],
  thanks: [
    'thanks',
    'thank you',
    'thx',
    'ty',
    'cheers',
    'danke',
    'vielen dank',
    'dankeschon',
    'merci',
    'super danke',
    'perfect',
    'great',
    'perfekt',
    'prima',
    'klasse',
    'top danke',
  ],
  search: [
    'find',
    'search',
    'search for',
    'look for',
    'suche',
    'such',
    'finde',
    'mentioned',
    'erwahnt',
    'talk about',
    'talked about',
  ],
  show: [
    'show',
    'tell me about',
    'about',
    'details',
    'info',
    'information',
    'overview',
    'card',
    'open',
    'zeig',
    'zeige',
    'uber',
    'infos',
    'what do we know',
    'was wissen wir',
    'steckbrief',
    'profil',
    'profile',
  ],
  who: ['who', 'whos', 'wer', 'wers'],
  when: ['when', 'whens', 'wann', 'by when', 'bis wann', 'date'],
  what: ['what', 'whats', 'was', 'wat', 'which', 'welche', 'welcher', 'welches'],
  many: ['how many', 'how much', 'wie viele', 'wieviele', 'wie viel', 'wieviel', 'count', 'anzahl'],
  add: [
    'add',
    'create',
    'new',
    'make',
    'put',
    'set up',
    'hinzufugen',
    'fuge',
    'fug',
    'erstelle',
    'erstell',
    'anlegen',
    'lege',
    'leg',
    'neue',
    'neuen',
    'neu',
    'eintragen',
    'trag',
    'trage',
  ],
  write: [
    'log',
    'note',

    'record',
    'save',
    'write down',
    'jot down',
    'notiz',
    'notiere',
    'notier',
    'vermerk',
    'vermerke',
    'festhalten',
    'halte fest',
    'speichere',
    'speicher',
    'protokolliere',
    'protokoll',
  ],
  remind: [
    'remind',
    'remind me',
    'reminder',
    'erinnere',
    'erinner',
    'erinnerung',
    'erinnere mich',
    'dont let me forget',
    'wiedervorlage',
  ],
  call: ['call', 'phone call', 'calls', 'anruf', 'telefonat', 'telefoniert', 'angerufen', 'rang', 'phoned'],
  meeting: [
    'meeting',
    'met',
    'meet',
    'visit',
    'visited',
    'termin',
    'treffen',
    'getroffen',
    'besuch',
    'besucht',
    'workshop',
    'qbr',
  ],
  email: ['email', 'e mail', 'mail', 'emailed', 'mailed'],
  stage: ['stage', 'phase', 'move', 'moved', 'mark', 'set', 'setze', 'verschiebe', 'markiere'],
  thread: ['thread', 'conversation', 'discussion', 'unterhaltung', 'diskussion', 'verlauf hier'],
} as const satisfies Record<string, readonly string[]>;

export type Concept = keyof typeof CUES;

export interface Cue {
  concept: Concept;
  /** Index of the first and one past the last word it covers. */
  from: number;
  to: number;
}

interface Entry {
  words: string[];
  concepts: Concept[];
}

function buildIndex(): Map<string, Entry[]> {
  const byPhrase = new Map<string, Concept[]>();
  for (const [concept, phrases] of Object.entries(CUES) as [Concept, readonly string[]][]) {
    for (const phrase of phrases) byPhrase.set(phrase, [...(byPhrase.get(phrase) ?? []), concept]);
  }
  const index = new Map<string, Entry[]>();
  for (const [phrase, concepts] of byPhrase) {
    const words = phrase.split(' ');
    const first = words[0] ?? '';
    index.set(first, [...(index.get(first) ?? []), { words, concepts }]);
  }
  for (const entries of index.values()) entries.sort((a, b) => b.words.length - a.words.length);
  return index;
}

const INDEX = buildIndex();

/** Single cue words long enough to be recognised through a typo, by length. */
const TYPO_CANDIDATES = new Map<number, string[]>();
for (const [first, entries] of INDEX) {
  if (first.length < 5 || !entries.some((entry) => entry.words.length === 1)) continue;
  TYPO_CANDIDATES.set(first.length, [...(TYPO_CANDIDATES.get(first.length) ?? []), first]);
}

/** The cue word a typo stands for ("overdeu" → "overdue", "pipline" → "pipeline"), if exactly one is close. */
export function cueForTypo(word: string): string | null {
  if (word.length < 5 || /\d/.test(word)) return null;
  const max = word.length >= 9 ? 2 : 1;
  const found = new Set<string>();
  for (let length = word.length - max; length <= word.length + max; length++) {
    for (const candidate of TYPO_CANDIDATES.get(length) ?? []) {
      if (candidate[0] === word[0] && editDistance(word, candidate, max) <= max) found.add(candidate);
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

export function isCueWord(norm: string): boolean {
  return INDEX.has(norm);
}

/**
 * The concepts the words carry, longest phrase first. `skip` marks words already taken by an account, a person or
 * a time, which never count as cues. Typos are read as the cue they are one edit away from.
 */
export function findCues(words: readonly Word[], skip: readonly boolean[]): Cue[] {
  const cues: Cue[] = [];
  let at = 0;
  while (at < words.length) {
    if (skip[at]) {
      at++;
      continue;
    }
    const norm = words[at]?.norm ?? '';
    const entries = INDEX.get(norm) ?? INDEX.get(cueForTypo(norm) ?? '') ?? [];
    let taken = 0;
    for (const entry of entries) {
      const fits = entry.words.every((expected, offset) => {
        if (offset === 0) return true;
        const word = words[at + offset];
        return word !== undefined && !skip[at + offset] && word.norm === expected;
      });
      if (!fits) continue;
      for (const concept of entry.concepts) cues.push({ concept, from: at, to: at + entry.words.length });
      taken = entry.words.length;
      break;
    }
    at += Math.max(taken, 1);
  }
  return cues;
}
