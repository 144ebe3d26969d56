// What kam-bot says when it is added to a team, a group chat or someone's personal chat: what it does, and the
// first things to try there.
import type { Locale } from '../i18n/locale.ts';
import { t } from '../i18n/translate.ts';
import { list, reply } from '../replies/build.ts';
import type { Reply } from '../replies/reply.ts';

export function welcomeReply(locale: Locale, where: 'personal' | 'shared'): Reply {
  const tries = ['welcome.tryAsk', 'welcome.tryNote', 'welcome.tryList', 'welcome.tryHelp'] as const;
  const items = [...tries, ...(where === 'shared' ? (['welcome.tryDigest'] as const) : [])].map((key) => ({
    title: t(locale, key),
  }));
  return {
    ...reply({
      title: t(locale, 'welcome.title'),
      summary: t(locale, 'welcome.summary'),
      blocks: [list(items, { heading: t(locale, 'welcome.start') })],
    }),
    locale,
  };
}
