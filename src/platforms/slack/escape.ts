// Slack parses `<…>` in text as mentions (`<!channel>`, `<@U123>`) and links (`<https://evil|bank>`), and `&` starts
// an entity. Every piece of user text that goes into a Block Kit text object passes through `escapeSlack`, so a note
// can show those characters but never ping anyone or disguise a link. Only the renderer writes markup.

import { displayable } from '../../domain/display-text.ts';

/**
 * Removes control characters (keeping newlines and tabs) and bidi controls, which would make the text read
 * differently from how it was written. For values Slack does not parse (input initial values).
 */
export function stripControl(text: string): string {
  return displayable(text);
}

/** User text made safe for a mrkdwn or plain_text object: `&`, `<` and `>` as entities, control and bidi characters removed. */
export function escapeSlack(text: string): string {
  return stripControl(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// A strict https URL: a host, an optional port, then only URL characters. No `|`, `<`, `>`, spaces, quotes or
// control characters can get through, so the URL cannot end the `<url|label>` markup early or change its label.
const HTTPS_URL =
  /^https:\/\/[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?(?::\d{1,5})?(?:[/?#][\w\-.~%!$&'()*+,;=:@/?#]*)?$/i;

/** The longest URL (as written into the markup) the renderer links; a longer one is not linked at all. */
export const LINK_URL_MAX = 1_000;

/** `<url|label>` for a strict https URL (label escaped), or null when the URL is anything else. */
export function slackLink(url: string, label: string): string | null {
  if (!HTTPS_URL.test(url)) return null;
  // `&` is the only character of the pattern that mrkdwn wants as an entity; Slack decodes it back in the URL.
  const written = url.replace(/&/g, '&amp;');
  return written.length > LINK_URL_MAX ? null : `<${written}|${escapeSlack(label)}>`;
}
