// The understanding layer's front door: a message in, the `/account` command it means out, or a question back.
// Deterministic and explainable: the same words against the same accounts give the same command, and `intent`
// names the rule that decided. No network, no model; see lexicon.ts for the words and reads.ts for the rules.
import { readQuestion } from './reads.ts';
import { readSentence } from './sentence.ts';
import type { Vocabulary } from './vocabulary.ts';
import { strip } from './words.ts';
import { readRequest, type Write } from './writes.ts';

export type Language = 'en' | 'de';

export type Understanding =
  /** A question: run the command, it only reads. */
  | { kind: 'read'; intent: string; command: string; language: Language | null }
  /** A request whose account is named exactly: run the command. */
  | { kind: 'write'; intent: Write['intent']; command: string; language: Language | null; due: string | null }
  /** A request whose account is unsure or missing: ask before anything is written. */
  | {
      kind: 'ask';
      intent: Write['intent'];
      /** The command with `{account}` for the account the person picks. */
      template: string;
      reference: string | null;
      contactHint: string | null;
      language: Language | null;
      due: string | null;
    }
  /** "add Acme Corp": an account is only ever created by the command form. */
  /** `options`: what was typed as options (" tier:A renewal:2027-06-30"), kept for the command to suggest. */
  | { kind: 'create_account'; name: string; options: string; language: Language | null }
  | { kind: 'unknown'; language: Language | null; accounts: string[]; concepts: string[] };

/** An option of `/account new` ("new Hansa Werke tier:A" is an account to create, not a tier to set). */
const NEW_ACCOUNT_OPTION = /\s(?:tier|owner|parent|key|region|country|sector|status|visibility|renewal):\S/i;

const CREATE =
  /^(?:add|create|new|neu(?:es|en|er)?|anlegen|lege|erstelle)\s+(?:(?:a|an|the|ein|einen|eine)\s+)?(?:new\s+|neue[ns]?\s+)?(?:account|customer|client|kunden?|konto|firma)?\s*(?<name>.*)$/i;

/**
 * "add Acme Corp", "create an account for Globex", "neuen Kunden anlegen: Initech": a sentence that would create an
 * account, which only the command form may do. "new" counts only with "account" after it ("new deals" is a question).
 */
function createsAccount(text: string, concepts: ReadonlySet<string>): boolean {
  if (/^(?:new|neu(?:es|en|er)?|create|erstelle)\s+\S/i.test(text) && NEW_ACCOUNT_OPTION.test(text)) return true;
  if (/^(?:new|neu(?:es|en|er)?)\s+(?:account|customer|client|kunden?|konto)\b/i.test(text)) return true;
  if (!/^(?:add|create|anlegen|lege|erstelle)\b/i.test(text)) return false;
  const others = [...concepts].filter((concept) => !['add', 'accounts', 'new', 'news', 'show'].includes(concept));
  return others.length === 0;
}

export function understand(message: string, vocabulary: Vocabulary): Understanding {
  const { text } = strip(message);
  const sentence = readSentence(text, vocabulary);
  const language = sentence.language;
  if (/^@?kam(?:-bot)?$/i.test(text)) return { kind: 'read', intent: 'help', command: 'help', language };
  const create = CREATE.exec(text);
  if (create && sentence.accounts.length === 0 && createsAccount(text, sentence.concepts)) {
    const typed = create.groups?.name ?? '';
    const at = typed.search(NEW_ACCOUNT_OPTION);
    const [name, options] = at < 0 ? [typed, ''] : [typed.slice(0, at), typed.slice(at)];
    return { kind: 'create_account', name: name.trim(), options: options.trimEnd(), language };
  }
  const request = readRequest(text, vocabulary);
  if (request) {
    const command =
      request.account && 'key' in request.account ? request.template.replace('{account}', request.account.key) : null;
    if (command && request.intent === 'stage')
      return { kind: 'write', intent: request.intent, command: request.template, language, due: null };
    if (command) return { kind: 'write', intent: request.intent, command: command.trim(), language, due: request.due };
    return {
      kind: 'ask',
      intent: request.intent,
      template: request.template,
      reference: request.account && 'reference' in request.account ? request.account.reference : null,
      contactHint: request.contactHint,
      language,
      due: request.due,
    };
  }
  const read = readQuestion(sentence);
  if (read) return { kind: 'read', intent: read.intent, command: read.command, language };
  return {
    kind: 'unknown',
    language,
    accounts: sentence.accounts.map((slot) => slot.key).filter((key): key is string => key !== null),
    concepts: [...sentence.concepts],
  };
}
