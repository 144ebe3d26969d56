// Slack writes a mention as <@U123> or <@U123|name>; the command language knows people as <@kam:ID>, and people
// kam-bot does not know yet as <@slack:U123>. Nobody is added here: a command that uses a new person adds them in
// its own transaction (PeopleDirectory), so a refused command adds nobody. Their profiles are fetched now, so that
// transaction does not wait for Slack.
import type { WorkspaceStore } from '../../store/store.ts';
import type { SlackIdentity } from './identity.ts';

const SLACK_MENTION = /<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>/g;

/** Removes the bot's own mention ("<@U0BOT> how is acme?" → "how is acme?"). */
export function withoutBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  return text
    .replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export async function normaliseMentions(text: string, store: WorkspaceStore, identity: SlackIdentity): Promise<string> {
  const ids = [...new Set([...text.matchAll(SLACK_MENTION)].map((match) => match[1] ?? ''))];
  if (ids.length === 0) return text;
  const users = new Map(
    await Promise.all(
      ids.map(async (id) => {
        const user = await identity.known(store, id);
        if (!user) await identity.profile(id);
        return [id, user] as const;
      }),
    ),
  );
  return text.replace(SLACK_MENTION, (_whole, id: string) => {
    const user = users.get(id);
    return user ? `<@kam:${user.id}>` : `<@slack:${id}>`;
  });
}
