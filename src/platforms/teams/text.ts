// Teams message text as people read it, and mentions as the command language knows them.
import type { TurnContext } from 'botbuilder';
import type { WorkspaceStore } from '../../store/store.ts';
import type { TeamsIdentity } from './identity.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML from a Teams message body ("<p>Decision: …</p>") as plain text with its line breaks. */
export function htmlToText(html: string): string {
  return (
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h\d)>/gi, '\n')
      .replace(/<li[^>]*>/gi, '• ')
      // Tags go, but not the mentions normaliseMentions wrote (<@kam:12>, <@teams:29:…>).
      .replace(/<(?!@(?:kam|slack|teams):)[^>]+>/g, '')
      .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, code: string) => {
        if (code.startsWith('#x')) return String.fromCodePoint(Number.parseInt(code.slice(2), 16));
        if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
        return ENTITIES[code.toLowerCase()] ?? whole;
      })
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

interface MentionEntity {
  type: string;
  text?: string;
  mentioned?: { id: string; name?: string };
}

/**
 * Replaces each `<at>Name</at>` the activity's mention entities explain with `<@kam:ID>`, or `<@teams:ID>` for a
 * person kam-bot does not know yet: nobody is added here (a command that uses them adds them in its transaction;
 * see PeopleDirectory), but what Teams says of them is fetched now. The bot's own mention has been removed already
 * (teams-ai does that).
 */
export async function normaliseMentions(
  text: string,
  context: TurnContext,
  store: WorkspaceStore,
  identity: TeamsIdentity,
): Promise<string> {
  const mentions = ((context.activity.entities ?? []) as MentionEntity[]).filter(
    (entity) => entity.type === 'mention' && entity.mentioned && entity.mentioned.id !== context.activity.recipient.id,
  );
  let normalised = text;
  for (const mention of mentions) {
    if (!mention.text || !mention.mentioned) continue;
    const user = await identity.known(store, mention.mentioned.id);
    if (!user) await identity.member(context, mention.mentioned.id);
    normalised = normalised.split(mention.text).join(user ? `<@kam:${user.id}>` : `<@teams:${mention.mentioned.id}>`);
  }
  return htmlToText(normalised);
}

/** The name an activity's mention entities give a Teams id, if any. */
export function mentionedName(context: TurnContext, teamsId: string): string | null {
  const mentions = (context.activity.entities ?? []) as MentionEntity[];
  return (
    mentions.find((entity) => entity.type === 'mention' && entity.mentioned?.id === teamsId)?.mentioned?.name ?? null
  );
}
