import type { User } from '../domain/records.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { keyed } from '../i18n/translate.ts';
import type { CommandContext } from './context.ts';

/** How platforms write a mention of a known kam-bot user into command text. */
export const MENTION = /^<@kam:(\d+)>$/;
/** …and of a person of theirs kam-bot does not know yet (a Slack user id, a Teams id). */
const NEW_PERSON = /<@(slack|teams):([^>\s]+)>/;
export const PLATFORM_MENTION = new RegExp(`^${NEW_PERSON.source}$`);
/** Any mention of a person in command text. */
export const PERSON_MENTION = /<@(?:kam:\d+|slack:[^>\s]+|teams:[^>\s]+)>/;

/** Whether command text names a person kam-bot does not know yet: running it may add them. */
export function namesNewPeople(text: string): boolean {
  return NEW_PERSON.test(text);
}

/** A person by `me`, a platform mention, `@name`, a name or an email address. */
export async function resolveUser(ctx: CommandContext, reference: string): Promise<User> {
  const typed = reference.trim();
  if (/^@?(me|myself)$/i.test(typed)) return ctx.user;
  const mention = MENTION.exec(typed);
  if (mention) {
    const user = await ctx.store.users.byId(Number(mention[1]));
    if (user) return user;
  }
  const foreign = PLATFORM_MENTION.exec(typed);
  if (foreign) return platformPerson(ctx, foreign[1] === 'teams' ? 'teams' : 'slack', foreign[2] ?? '');
  const name = typed.replace(/^@/, '');
  if (!name) throw new ValidationError(keyed('person.sayWho'));
  const found = await ctx.store.users.findByName(name);
  const [first, second] = found;
  if (!first) {
    throw new NotFoundError(keyed('person.unknown', { name }));
  }
  if (second) {
    const names = found.slice(0, 5).map((user) => user.displayName);
    throw new ValidationError(keyed('person.ambiguous', { name, names: names.join(', ') }));
  }
  return first;
}

/** A person of the platform, added to kam-bot now if new (in the command's transaction: see CommandEngine). */
async function platformPerson(ctx: CommandContext, platform: 'slack' | 'teams', externalId: string): Promise<User> {
  const known = await ctx.store.users.byIdentity(platform, externalId);
  if (known) return known;
  if (ctx.people?.platform !== platform) {
    throw new NotFoundError(keyed('person.unknownMention'));
  }
  return ctx.people.ensure(ctx.store, externalId);
}
