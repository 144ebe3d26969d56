// What kam-bot says when it did not understand a sentence, and when it must ask before writing: suggestions built
// from the nearest intents and the accounts the sentence named (or one of the workspace's own), in the person's
// language; choices that each are the command that writes.
import { t } from '../i18n/translate.ts';
import { context, reply, text } from '../replies/build.ts';
import { accountLabel, formatDay } from '../replies/format.ts';
import type { Reply } from '../replies/reply.ts';
import type { AccountIndexEntry } from '../store/store.ts';
import type { Understanding } from '../understanding/understand.ts';
import { type CommandContext, disclose, timeZoneOf } from './context.ts';
import { visibleIndex } from './resolve-account.ts';
import { orList } from './suggest.ts';
import { parseDay } from './values/dates.ts';

type Unknown = Extract<Understanding, { kind: 'unknown' }>;
type Ask = Extract<Understanding, { kind: 'ask' }>;

/** An account of the workspace to put in examples: the one the sentence named, else one of the person's own. */
function exampleAccount(understood: Unknown, ctx: CommandContext): string | null {
  if (understood.accounts[0]) return understood.accounts[0];
  const visible = visibleIndex(ctx).filter((entry) => entry.visibility === 'open');
  return (visible.find((entry) => entry.ownerId === ctx.user.id) ?? visible[0])?.key ?? null;
}

export function notUnderstood(understood: Unknown, ctx: CommandContext): Reply {
  const locale = ctx.locale;
  const account = exampleAccount(understood, ctx);
  const near = new Set(understood.concepts);
  const examples: string[] = [];
  const add = (key: Parameters<typeof t>[1], needsAccount = false) => {
    if (examples.length >= 3 || (needsAccount && !account)) return;
    const example = t(locale, key, account ? { account } : {});
    if (!examples.includes(example)) examples.push(example);
  };
  if (near.has('task') || near.has('overdue') || near.has('remind')) add('understood.example.overdue');
  if (near.has('task')) add('understood.example.task', true);
  if (near.has('opportunity') || near.has('total')) add('understood.example.pipeline');
  if (near.has('opportunity')) add('understood.example.deals', true);
  if (near.has('renewal')) add('understood.example.renewals');
  if (near.has('contact')) add('understood.example.contacts', true);
  if (near.has('write') || near.has('add')) add('understood.example.note', true);
  if (near.has('risk') || near.has('accounts')) add('understood.example.atRisk');
  add('understood.example.health', true);
  add('understood.example.owner', true);
  add('understood.example.news', true);
  add('understood.example.atRisk');
  return reply({
    tone: 'info',
    summary: t(locale, 'understood.notUnderstood'),
    blocks: [
      text(
        t(locale, 'understood.tryAsking', {
          examples: orList(
            examples.map((example) => `“${example}”`),
            locale,
          ),
        }),
      ),
      context(t(locale, 'understood.helpHint')),
    ],
  });
}

/** The accounts where a contact of that name works: "remind me to call Ute" is about Ute's account. */
export async function accountsOfContacts(ctx: CommandContext, name: string): Promise<AccountIndexEntry[]> {
  const visible = new Map(visibleIndex(ctx).map((entry) => [entry.id, entry]));
  const found = new Map<number, AccountIndexEntry>();
  for (const word of name.split(/\s+/).filter((part) => part.length >= 3)) {
    for (const contact of await ctx.store.contacts.named(word)) {
      const entry = visible.get(contact.accountId);
      if (entry) found.set(entry.id, entry);
    }
  }
  const entries = [...found.values()].slice(0, 10);
  disclose(ctx, entries);
  return entries;
}

function dueDay(phrase: string, ctx: CommandContext): Date | null {
  try {
    return parseDay(phrase, ctx.now(), timeZoneOf(ctx));
  } catch {
    return null;
  }
}

export function askReply(understood: Ask, candidates: AccountIndexEntry[], ctx: CommandContext): Reply {
  const locale = ctx.locale;
  const question = t(locale, `ask.whichAccount.${understood.intent}`);
  // The day the phrase means ("am Freitag" → 04.12.2026), as the follow-up would get it.
  const day = understood.due ? dueDay(understood.due, ctx) : null;
  const due = t(locale, 'ask.due', { due: day ? formatDay(day, locale) : (understood.due ?? 'none') });
  if (candidates.length === 0) {
    const example = `/account ${understood.template.replace('{account}', '<account>')}`;
    return reply({
      tone: 'warning',
      summary: understood.reference ? t(locale, 'ask.noMatch', { reference: understood.reference }) : question,
      blocks: [text(t(locale, 'ask.noAccount', { example })), ...(understood.intent === 'task' ? [context(due)] : [])],
    });
  }
  return reply({
    tone: 'warning',
    summary: understood.reference ? t(locale, 'ask.didYouMean', { reference: understood.reference }) : question,
    blocks: [
      ...(understood.reference ? [text(question)] : []),
      {
        type: 'choices',
        prompt: t(locale, 'ask.pick'),
        actionId: 'account_choose',
        choices: candidates.map((candidate) => {
          const command = `/account ${understood.template.replace('{account}', candidate.key)}`;
          return {
            label: accountLabel(candidate),
            ...(candidate.country ? { description: candidate.country } : {}),
            value: command,
            command,
          };
        }),
      },
      ...(understood.intent === 'task' ? [context(due)] : []),
    ],
  });
}
