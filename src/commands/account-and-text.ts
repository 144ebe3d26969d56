import type { Account } from '../domain/records.ts';
import type { CommandContext } from './context.ts';
import { findAccount, resolveAccount } from './resolve-account.ts';

/**
 * Splits "[for] <account> <text>", "[for] <account name>: <text>" and "[for] \"<account name>\" <text>" into the
 * account and the text. A colon only ends the account when what stands before it is an account, so
 * "note acme Met Jane (CFO): budget approved" is a note on acme.
 */
export async function accountAndText(rest: string, ctx: CommandContext): Promise<{ account: Account; text: string }> {
  const line = rest.replace(/^(?:for|to|on|about|at)\s+/i, '');
  const quoted = /^(["“'‘])(.+?)["”'’]\s*:?\s*/s.exec(line);
  if (quoted) return { account: await resolveAccount(ctx, quoted[2] ?? ''), text: line.slice(quoted[0].length) };
  const colon = /^([^:\n]{1,80}?)\s*:(?!\d)\s*/.exec(line);
  const named = colon ? await findAccount(ctx, colon[1] ?? '') : null;
  if (colon && named) return { account: named, text: line.slice(colon[0].length) };
  const [first = '', ...others] = line.split(/(\s+)/);
  return { account: await resolveAccount(ctx, first.replace(/:$/, '')), text: others.join('').trim() };
}
