// Slack channels linked to accounts: the capture benchmark reacts with :memo: in them, and Slack notes of a linked
// account carry its channel.
import type { GenAccount, Generation } from './shared.ts';
import { iso, WORKSPACE_ID } from './shared.ts';

/** Links channels to open, unrestricted, active tier A/B accounts; sets each linked account's channel. */
export function linkChannels(gen: Generation, accounts: GenAccount[]): GenAccount[] {
  const { db, rng, sizes } = gen;
  const linkRng = rng.fork('links');
  const linkable = accounts.filter(
    (account) => !account.archived && !account.restricted && account.tier !== 'C' && account.profile !== 'dormant',
  );
  const linked = linkRng.sample(linkable, Math.min(sizes.linkedChannels, linkable.length));
  const insertLink = db.prepare(
    `INSERT INTO ChannelLink (workspaceId, platform, channelId, accountId, createdById, createdAt)
     VALUES (?, 'slack', ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    linked.forEach((account, index) => {
      account.channel = `CB${String(index + 1).padStart(8, '0')}`;
      insertLink.run(WORKSPACE_ID, account.channel, account.id, account.ownerId, iso(account.createdAt));
    });
  })();
  return linked;
}
