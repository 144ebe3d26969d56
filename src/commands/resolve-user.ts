import type { User } from '../domain/records.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { CommandContext } from './context.ts';

/** How platforms write a mention of a known kam-bot user into command text. */
export const MENTION = /^<@kam:(\d+)>$/;

/** A person by `me`, a platform mention, `@name`, a name or an email address. */
export async function resolveUser(ctx: CommandContext, reference: string): Promise<User> {
  const typed = reference.trim();
  if (/^@?(me|myself)$/i.test(typed)) return ctx.user;
  const mention = MENTION.exec(typed);
  if (mention) {
    const user = await ctx.store.users.byId(Number(mention[1]));
    if (user) return user;
  }
  const name = typed.replace(/^@/, '');
  if (!name) throw new ValidationError('Say who you mean: @name, a name, or me.');
  const found = await ctx.store.users.findByName(name);
  const [first, second] = found;
  if (!first) {
    throw new NotFoundError(
      `I don't know anyone called “${name}” here; people become known to kam-bot when they first use it.`,
    );
  }
  if (second) {
    const names = found.slice(0, 5).map((user) => user.displayName);
    throw new ValidationError(`“${name}” could be ${names.join(', ')}. Use the full name.`);
  }
  return first;
}
