// Teams message text as people read it, and mentions as the command language knows them.
import type { TurnContext } from 'botbuilder';
import type { WorkspaceStore } from '../../store/store.ts';
import type { TeamsIdentity } from './identity.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML from a Teams message body ("<p>Decision: …</p>") as plain text with its line breaks. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<li[^>]*>/gi, '• ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, code: string) => {
      if (code.startsWith('#x')) return String.fromCodePoint(Number.parseInt(code.slice(2), 16));
      if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

interface MentionEntity {
  type: string;
  text?: string;
  mentioned?: { id: string; name?: string };
}

/**
 * Replaces each `<at>Name</at>` the activity's mention entities explain with `<@kam:ID>`, making each mentioned
 * person a kam-bot user on first sight. The bot's own mention has been removed already (teams-ai does that).
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
    const user = await identity.person(store, context, {
      teamsId: mention.mentioned.id,
      aadObjectId: null,
      name: mention.mentioned.name ?? null,
    });
    normalised = normalised.split(mention.text).join(`<@kam:${user.id}>`);
  }
  return htmlToText(normalised);
}
