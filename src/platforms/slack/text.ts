// Slack message text as people read it: mentions as names, links as their labels, entities decoded. Notes keep
// this readable form rather than Slack's markup.

export function slackTextToPlain(text: string, names: ReadonlyMap<string, string> = new Map()): string {
  return text
    .replace(
      /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g,
      (_whole, id: string, label?: string) => `@${label || names.get(id) || id}`,
    )
    .replace(/<#[CG][A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<#([CG][A-Z0-9]+)>/g, '#$1')
    .replace(/<!(channel|here|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_whole, label?: string) => label ?? '@group')
    .replace(/<!date\^\d+\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<(https?:\/\/[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The people a Slack text mentions, by id. */
export function mentionedUserIds(text: string): string[] {
  return [...new Set([...text.matchAll(/<@([UW][A-Z0-9]+)/g)].map((match) => match[1] ?? ''))];
}

/** A Slack message ts ("1732741234.123459") as the time it was written. */
export function tsToDate(ts: string): Date {
  return new Date(Math.round(Number(ts) * 1000));
}
