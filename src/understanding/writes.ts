// Requests that write: a note ("log a call with Ute at nordwind: discussed Q1 volumes", "notiz für nordwind: …"),
// a follow-up ("add a task for nordwind: send proposal by friday", "remind me to … at kestrel next monday",
// "erinnere mich, Ute am Freitag anzurufen"), a contact ("add Jane Roe as a contact at kestrel"), a deal's stage
// ("mark opp 3 as won"). A request never creates an account, and it says how sure it is: a write goes ahead only
// when its account is named exactly; otherwise the person is asked first.
import type { Concept } from './lexicon.ts';
import { quote } from './reads.ts';
import { readSentence, type Sentence } from './sentence.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface Write {
  intent: 'note' | 'task' | 'contact' | 'stage';
  /** The command with `{account}` where the account goes. */
  template: string;
  /** The account's key when the request names it exactly; else what was typed for it, or nothing at all. */
  account: { key: string } | { reference: string } | null;
  /** Words that may be a contact's name, to offer the accounts where such a contact works. */
  contactHint: string | null;
  /** The due date as typed, or null when the request gives none (the reply then says "no due date"). */
  due: string | null;
}

const SEPARATOR = /\s*(?::|\s[-–—]\s)\s*/;
const NOTE_KIND: Partial<Record<Concept, string>> = { call: '#call', meeting: '#meeting', email: '#email' };
const STAGES: Record<string, string> = {
  lead: 'lead',
  qualify: 'qualify',
  qualified: 'qualify',
  qualifiziert: 'qualify',
  propose: 'propose',
  proposal: 'propose',
  angebot: 'propose',
  negotiate: 'negotiate',
  negotiation: 'negotiate',
  verhandlung: 'negotiate',
  won: 'won',
  gewonnen: 'won',
  lost: 'lost',
  verloren: 'lost',
  closed: 'won',
};

/** German infinitives with "zu" inside ("anzurufen", "zuzuschicken"), as a follow-up's title writes them: "anrufen". */
function plainInfinitive(text: string): string {
  return text
    .replace(
      /\b(an|auf|aus|ab|mit|nach|vor|zurück|zuruck|ein|durch|weiter|zusammen|zu|fertig|vorbei|nach)zu(\p{L}+en)\b/giu,
      '$1$2',
    )
    .replace(/(^|\s)zu\s+(\p{L}+en)$/iu, '$1$2');
}

function tidy(text: string): string {
  return text
    .replace(/^[\s,;:.-]+|[\s,;:.-]+$/g, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/^(?:to|that|dass|daran|,)\s+/i, '')
    .trim();
}

/** The text of the words in [from, to) as typed. */
function slice(sentence: Sentence, from: number, to: number): string {
  const first = sentence.words[from];
  const last = sentence.words[to - 1];
  return first && last ? sentence.text.slice(first.start, last.end) : '';
}

/** The sentence's text with some word ranges cut out (an account and its preposition, a time phrase). */
function without(sentence: Sentence, cuts: { from: number; to: number }[]): string {
  let text = '';
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a.from - b.from)) {
    const start = sentence.words[cut.from]?.start ?? at;
    const end = sentence.words[cut.to - 1]?.end ?? start;
    text += sentence.text.slice(at, start);
    at = end;
  }
  return text + sentence.text.slice(at);
}

/** Words between "remind me" and what to do: "remind me (tomorrow) to …", "erinnere mich daran, …". */
const REMIND_LEAD = new Set(['me', 'mich', 'mir', 'daran', 'bitte', 'to', 'dass', 'please']);
/** …and between "add" and what to do: "add a new follow-up to …", "neue Aufgabe: …". */
const ADD_LEAD = new Set([
  ...REMIND_LEAD,
  'a',
  'an',
  'new',
  'task',
  'todo',
  'follow',
  'up',
  'reminder',
  'eine',
  'einen',
  'aufgabe',
  'neue',
  'erinnerung',
  'wiedervorlage',
]);

const ACCOUNT_PREPOSITIONS = new Set([
  'at',
  'for',
  'with',
  'on',
  'to',
  'about',
  'bei',
  'fur',
  'mit',
  'zu',
  'an',
  'von',
  'uber',
  'in',
]);

/** The account slot with the preposition before it, as a range to cut from a title. */
function accountRange(sentence: Sentence): { from: number; to: number } | null {
  const account = sentence.accounts[0];
  if (!account) return null;
  const before = sentence.words[account.from - 1];
  const from = before && ACCOUNT_PREPOSITIONS.has(before.norm) ? account.from - 1 : account.from;
  return { from, to: account.to };
}

/**
 * The account a request names. Only a name that stands alone is sure: words that follow it and belong to nothing
 * else ("Nordwind Frnce", "harbourline asia pacific group") make it a longer name that was mistyped, so the whole
 * phrase becomes a reference to ask about.
 */
function accountOf(sentence: Sentence, nameEndsThere = true): Write['account'] {
  const account = sentence.accounts[0];
  if (!account) return null;
  if (!nameEndsThere) return account.key ? { key: account.key } : { reference: account.typed };
  let to = account.to;
  while (sentence.rest.some((word) => word === sentence.words[to])) to++;
  if (to > account.to) return { reference: slice(sentence, account.from, to).replace(/["“”]/g, '') };
  return account.key ? { key: account.key } : { reference: account.typed };
}

/** Words before the separator that are no cue: "a call with Ute" → "Ute", a contact perhaps. */
function namesIn(sentence: Sentence): string | null {
  const names = sentence.rest.filter((word) => /^\p{Lu}/u.test(word.raw));
  return names.length > 0 ? names.map((word) => word.raw).join(' ') : null;
}

function kindOfRequest(header: Sentence, separated: boolean): Write['intent'] | null {
  const has = (concept: Concept) => header.concepts.has(concept);
  const verb = (concept: Concept) => header.cueAt.get(concept) ?? Number.POSITIVE_INFINITY;
  const first = Math.min(verb('add'), verb('write'), verb('remind'), verb('stage'));
  // "todo for harbourline: chase the PO": a follow-up's own word may start it, before a colon.
  if (verb('task') === 0 && header.text.length < 60 && !has('mine') && separated) return 'task';
  if (first > 2 || has('thread')) return null;
  if (has('remind')) return 'task';
  if (has('stage') && has('opportunity')) return 'stage';
  if (has('task') && verb('task') <= 4) return 'task';
  if (has('contact') && (has('add') || verb('contact') <= 3)) return 'contact';
  if (has('write') || has('call') || has('meeting') || has('email')) return 'note';
  return null;
}

/** The request, if the sentence is one; null when it asks something instead. */
export function readRequest(text: string, vocabulary: Vocabulary): Write | null {
  const separator = SEPARATOR.exec(text);
  const headerText = separator ? text.slice(0, separator.index) : text;
  const body = separator ? text.slice(separator.index + separator[0].length).trim() : '';
  const header = readSentence(headerText, vocabulary);
  const intent = kindOfRequest(header, separator !== null);
  if (!intent) return null;
  // "note nordwind met Ute": without a colon the note follows the account, so words after it are no name.
  const account = accountOf(header, intent !== 'note' || separator !== null);

  if (intent === 'note') {
    let noteBody = body;
    if (!separator) {
      // "note nordwind met Ute, all good": the note is what follows the account.
      const slot = header.accounts[0];
      if (!slot) return { intent, template: 'note {account} ', account: null, contactHint: null, due: null };
      noteBody = headerText.slice(header.words[slot.to - 1]?.end ?? headerText.length).trim();
    }
    const kind = (['call', 'meeting', 'email'] as Concept[]).find((concept) => header.concepts.has(concept));
    const who = namesIn(header);
    const lead = kind
      ? `${kindWord(kind, header.language)}${who ? ` ${header.language === 'de' ? 'mit' : 'with'} ${who}` : ''}: `
      : '';
    const tag = kind ? ` ${NOTE_KIND[kind]}` : '';
    return {
      intent,
      template: `note {account} ${lead}${noteBody}${tag}`.trimEnd(),
      account,
      contactHint: who,
      due: null,
    };
  }

  if (intent === 'task') {
    const whole = separator ? readSentence(body, vocabulary) : header;
    const time = whole.times[whole.times.length - 1] ?? null;
    const cuts: { from: number; to: number }[] = [];
    if (time) cuts.push(time);
    let title: string;
    if (separator) {
      title = without(whole, cuts);
    } else {
      const range = accountRange(header);
      if (range) cuts.push(range);
      // "remind me (tomorrow) to …", "erinnere mich (daran), …": the title starts after the request's own words.
      const reminded = header.cueAt.get('remind');
      const verbAt = reminded ?? header.cueAt.get('add') ?? 0;
      const skip = reminded !== undefined ? REMIND_LEAD : ADD_LEAD;
      const lead = header.words.findIndex(
        (word, at) => at > verbAt && !skip.has(word.norm) && !cuts.some((cut) => at >= cut.from && at < cut.to),
      );
      const start = lead < 0 ? header.words.length : lead;
      cuts.push({ from: 0, to: start });
      title = without(header, cuts);
    }
    title = plainInfinitive(tidy(title));
    const due = time ? time.typed : null;
    const target = separator ? (accountOf(header) ?? accountOf(whole)) : account;
    return {
      intent,
      template: `task add {account} ${title}${due ? ` due:${quote(due)}` : ''}`,
      account: target,
      contactHint: namesIn(whole),
      due,
    };
  }

  if (intent === 'contact') {
    // "add Jane Roe as a contact at kestrel", "neuer Kontakt bei Kestrel: Jane Roe, CFO"
    const range = accountRange(header);
    const person = separator ? body : tidy(without(header, [...(range ? [range] : []), ...cueRanges(header)]));
    return { intent, template: `contact add {account} ${person}`, account, contactHint: null, due: null };
  }

  // A deal's stage: "mark opp 3 as won", "move deal #2 to negotiate".
  const stage = header.words.map((word) => STAGES[word.norm]).find(Boolean);
  const number = header.numbers[0];
  if (!stage || number === undefined) return null;
  return { intent, template: `opp ${number} stage:${stage}`, account: { key: '' }, contactHint: null, due: null };
}

function cueRanges(sentence: Sentence): { from: number; to: number }[] {
  return sentence.words
    .map((word, at) => ({ word, at }))
    .filter(
      ({ word, at }) =>
        !sentence.rest.includes(word) && !sentence.accounts.some((slot) => at >= slot.from && at < slot.to),
    )
    .map(({ at }) => ({ from: at, to: at + 1 }));
}

function kindWord(kind: Concept, language: 'en' | 'de' | null): string {
  const words: Record<string, [string, string]> = {
    call: ['Call', 'Anruf'],
    meeting: ['Meeting', 'Termin'],
    email: ['Email', 'E-Mail'],
  };
  const pair = words[kind] ?? ['Note', 'Notiz'];
  return language === 'de' ? pair[1] : pair[0];
}
