// /account digest subscribe | list | unsubscribe | preview | now, run through the engine on a real store, in a
// channel and outside one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../src/commands/context.ts';
import { CommandEngine } from '../../src/commands/engine.ts';
import type { User } from '../../src/domain/records.ts';
import { silentLogger } from '../../src/logger.ts';
import { digestHeadings } from '../../src/replies/digest-reply.ts';

const DIGEST_HEADINGS = digestHeadings('en');

import { renderText } from '../../src/replies/text.ts';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { idIn, listOf, refuser } from '../helpers/replies.ts';
import { rowCounts } from '../helpers/row-counts.ts';
import { openTestStore, type TestDatabase } from '../helpers/store.ts';
import { createTestWorkspace, NOW, type TestWorkspace } from '../helpers/workspace.ts';

const DAY = 86_400_000;

let db: TestDatabase;
let t: TestWorkspace;
let other: User;
const engine = new CommandEngine(silentLogger);

beforeAll(async () => {
  db = await openTestStore();
  t = await createTestWorkspace(db.store);
  other = await t.ws.users.ensureFromIdentity({ platform: 'slack', externalId: 'U-OTHER', displayName: 'Olga Other' });
  const harbourline = await t.ws.accounts.create(
    {
      key: 'harbourline',
      name: 'Harbourline Logistics',
      tier: 'A',
      ownerId: t.admin.id,
      renewalAt: new Date(NOW.getTime() + 20 * DAY),
    },
    SYSTEM_ACTOR,
  );
  const corvane = await t.ws.accounts.create(
    { key: 'corvane', name: 'Corvane Mobility', tier: 'B', ownerId: t.member.id },
    SYSTEM_ACTOR,
  );
  await t.ws.opportunities.add(
    {
      accountId: harbourline.id,
      title: 'Fleet telematics rollout',
      stage: 'negotiate',
      value: 250_000,
      currency: 'EUR',
      expectedCloseAt: new Date(NOW.getTime() + 10 * DAY),
    },
    SYSTEM_ACTOR,
  );
  await t.ws.tasks.add(
    {
      accountId: corvane.id,
      title: 'Send the revised SLA',
      dueAt: new Date(NOW.getTime() - 5 * DAY),
      assigneeId: t.member.id,
    },
    SYSTEM_ACTOR,
  );
  // Everything a digest would pick up, on an account only its team may see.
  const vault = await t.ws.accounts.create(
    {
      key: 'vault',
      name: 'Vault-Tec Secret Labs',
      tier: 'A',
      ownerId: t.admin.id,
      visibility: 'restricted',
      renewalAt: new Date(NOW.getTime() + 5 * DAY),
    },
    SYSTEM_ACTOR,
  );
  await t.ws.opportunities.add(
    {
      accountId: vault.id,
      title: 'Vault expansion',
      stage: 'propose',
      value: 900_000,
      currency: 'EUR',
      expectedCloseAt: new Date(NOW.getTime() + 3 * DAY),
    },
    SYSTEM_ACTOR,
  );
  await t.ws.tasks.add(
    { accountId: vault.id, title: 'Vault follow-up', dueAt: new Date(NOW.getTime() - 3 * DAY), assigneeId: t.admin.id },
    SYSTEM_ACTOR,
  );
});
afterAll(() => db.close());

const refused = (command: string, message: string, user?: User) => refuser(t, db.path)(command, message, user);

function inChannel(user: User, id: string): RequestContext {
  return { ...t.context(user), channel: { platform: 'slack', id } };
}

/** Runs a command in a Slack channel. */
async function runIn(channel: string, command: string, user: User = t.admin) {
  const outcome = await engine.handle(command, inChannel(user, channel));
  return { ...outcome, text: renderText(outcome.reply) };
}

/** A command in a channel that must fail with `message`, writing nothing. */
async function refusedIn(channel: string, command: string, message: string, user: User = t.admin) {
  const before = rowCounts(db.path);
  const outcome = await runIn(channel, command, user);
  expect(outcome.status).toBe('user_error');
  expect(outcome.reply.summary).toBe(message);
  expect(rowCounts(db.path)).toEqual(before);
  return outcome;
}

async function subscriptionsOf(channel: string) {
  return t.ws.digestSubscriptions.list({ platform: 'slack', channelId: channel });
}

describe('/account digest subscribe', () => {
  it('subscribes the channel weekly on Monday at 09:00 in the workspace time zone by default', async () => {
    const result = await runIn('C-DEFAULT', '/account digest subscribe', t.member);
    expect(result.status).toBe('ok');
    const [subscription, ...more] = await subscriptionsOf('C-DEFAULT');
    expect(more).toEqual([]);
    expect(subscription).toMatchObject({
      platform: 'slack',
      channelId: 'C-DEFAULT',
      cron: '0 9 * * 1',
      timeZone: 'Europe/Berlin',
      filter: {},
      createdById: t.member.id,
      paused: false,
    });
    expect(result.reply).toMatchObject({
      tone: 'success',
      audience: 'channel',
      summary: `This channel gets the account digest (#${subscription?.id}) on “0 9 * * 1” in Europe/Berlin.`,
    });
    // NOW is Friday 27 November 2026; the next Monday 09:00 in Berlin is the 30th.
    expect(result.text).toMatch(/Next one: .*30.* 09:00\./);
    expect((await t.ws.audit.forEntity('digest_subscription', subscription?.id ?? 0))[0]).toMatchObject({
      action: 'digest.subscribe',
      actorId: t.member.id,
    });
  });

  it('takes a day, a time, a time zone and a tier', async () => {
    const result = await runIn('C-NY', '/account digest subscribe weekly fri 16:30 tz:America/New_York tier:A');
    expect(result.status).toBe('ok');
    const [subscription] = await subscriptionsOf('C-NY');
    expect(subscription).toMatchObject({ cron: '30 16 * * 5', timeZone: 'America/New_York', filter: { tier: 'A' } });
    expect(result.reply.summary).toBe(
      `This channel gets the account digest (#${subscription?.id}) on “30 16 * * 5” in America/New_York, for tier A.`,
    );
    // Friday 27 November 16:30 in New York is still ahead of NOW (10:00 UTC).
    expect(result.text).toMatch(/Next one: .*27.* 16:30\./);
  });

  it('does not subscribe a channel twice to the same digest', async () => {
    const first = await runIn('C-TWICE-SAME', '/account digest subscribe weekly mon 09:00 tier:A');
    const id = idIn(first.reply.summary);
    const before = rowCounts(db.path);
    const again = await runIn('C-TWICE-SAME', '/account digest subscribe tier:A weekly mon 9am');
    expect(again.status).toBe('ok');
    expect(again.reply.summary).toBe(`This channel already gets that digest (#${id}); nothing changed.`);
    expect(rowCounts(db.path)).toEqual(before);
    // A different filter is a different digest.
    expect((await runIn('C-TWICE-SAME', '/account digest subscribe weekly mon 09:00 tier:B')).status).toBe('ok');
    expect(await subscriptionsOf('C-TWICE-SAME')).toHaveLength(2);
  });

  it('takes a cron expression as it is', async () => {
    const result = await runIn('C-CRON', '/account digest subscribe cron:"0 9 * * 1-5"');
    expect(result.status).toBe('ok');
    expect(await subscriptionsOf('C-CRON')).toMatchObject([{ cron: '0 9 * * 1-5', timeZone: 'Europe/Berlin' }]);
  });

  it('allows once an hour, the most often a channel digest may come', async () => {
    const result = await runIn('C-HOURLY', '/account digest subscribe cron:"0 * * * *"');
    expect(result.status).toBe('ok');
    expect(await subscriptionsOf('C-HOURLY')).toMatchObject([{ cron: '0 * * * *' }]);
    // Two runs an hour apart on the same morning are fine too.
    expect((await runIn('C-TWICE', '/account digest subscribe cron:"0 9,10 * * 1"')).status).toBe('ok');
  });

  it('refuses a time zone that does not exist, naming it, and saves nothing', async () => {
    await refusedIn(
      'C-BAD',
      '/account digest subscribe weekly mon 09:00 tz:Mars/Olympus_Mons',
      '“Mars/Olympus_Mons” is not a time zone; use an IANA name such as Europe/Berlin or America/New_York.',
    );
    expect(await subscriptionsOf('C-BAD')).toEqual([]);
  });

  it.each([
    ['cron:"61 9 * * 1"', '61 9 * * 1'],
    ['cron:"0 9 30 2 *"', '0 9 30 2 *'],
    ['whenever it suits', 'whenever it suits'],
    ['weekly funday 09:00', 'weekly funday 09:00'],
    ['monthly 31', 'monthly 31'],
  ])('refuses %s as a schedule in one sentence, and saves nothing', async (words, phrase) => {
    await refusedIn(
      'C-BAD',
      `/account digest subscribe ${words}`,
      `“${phrase}” is not a schedule; try weekly mon 09:00, daily 8:30, weekdays 9am or cron:"0 9 * * 1".`,
    );
    expect(await subscriptionsOf('C-BAD')).toEqual([]);
  });

  it.each([
    ['cron:"* * * * *"', '* * * * *'],
    ['cron:"*/5 * * * *"', '*/5 * * * *'],
    ['cron:"0,30 9 * * 1"', '0,30 9 * * 1'],
    ['daily 8:30 cron:"0-59/20 8-17 * * 1-5"', '0-59/20 8-17 * * 1-5'],
  ])('refuses %s as too frequent for a channel, and saves nothing', async (words, phrase) => {
    await refusedIn(
      'C-BAD',
      `/account digest subscribe ${words}`,
      `“${phrase}” would post more often than once an hour, too often for a channel; try daily 8:30 or weekly mon 09:00.`,
    );
    expect(await subscriptionsOf('C-BAD')).toEqual([]);
  });

  it('needs a channel: outside one it says where to subscribe', async () => {
    await refused(
      '/account digest subscribe weekly mon 09:00',
      'Subscribe in the Slack or Teams channel the digest should go to.',
    );
  });

  it('refuses an unknown option and a missing action in one sentence', async () => {
    await refusedIn(
      'C-BAD',
      '/account digest subscribe every:monday',
      '“every:” is not an option of digest. Its options are cron: tz: owner: tier: region: accounts:.',
    );
    await refused(
      '/account digest',
      'Say what to do: subscribe, list, unsubscribe, preview, now, e.g. /account digest preview.',
    );
  });
});

describe('/account digest list and unsubscribe', () => {
  let mine: number;
  let admins: number;

  beforeAll(async () => {
    mine = idIn((await runIn('C-LIST-M', '/account digest subscribe daily 8:30', t.member)).reply.summary);
    admins = idIn((await runIn('C-LIST-A', '/account digest subscribe weekdays 9am', t.admin)).reply.summary);
  });

  it('shows a member the subscriptions they made and those of the channel they are in', async () => {
    const result = await t.run('/account digest list', t.member);
    expect(result.status).toBe('ok');
    const titles = listOf(result).items.map((item) => item.title);
    expect(titles).toContain(`#${mine} · C-LIST-M (slack)`);
    expect(titles).not.toContain(`#${admins} · C-LIST-A (slack)`);
    expect(listOf(result).items.find((item) => item.title.startsWith(`#${mine} `))?.meta).toBe(
      '30 8 * * * · Europe/Berlin · not posted yet',
    );

    const inAdminsChannel = await runIn('C-LIST-A', '/account digest list', t.member);
    expect(listOf(inAdminsChannel).items.map((item) => item.title)).toContain(`#${admins} · C-LIST-A (slack)`);
  });

  it('says how each subscription’s latest run went', async () => {
    const runs = t.ws.digestRuns;
    const posted = await runs.claim(mine, '2026-11-27T08:30', 'test:1', NOW, 60_000);
    await runs.markPosted(posted.run.id, { platform: 'slack', channel: 'C-LIST-M', id: '1.1' }, NOW);
    const failed = await runs.claim(admins, '2026-11-27T09:00', 'test:1', NOW, 60_000);
    await runs.markFailed(failed.run.id, 'An API error occurred: not_in_channel');
    const metas = listOf(await t.run('/account digest list', t.admin)).items.map((item) => item.meta ?? '');
    expect(metas).toContain('30 8 * * * · Europe/Berlin · last posted 2026-11-27');
    expect(metas).toContain(
      '0 9 * * 1-5 · Europe/Berlin · last one failed 2026-11-27: An API error occurred: not_in_channel',
    );
  });

  it('shows an admin every subscription', async () => {
    const result = await t.run('/account digest list', t.admin);
    const all = await t.ws.digestSubscriptions.list();
    expect(result.reply.title).toBe(`Digest subscriptions (${all.length})`);
    expect(listOf(result).items.map((item) => item.title)).toEqual(all.map((s) => `#${s.id} · ${s.channelId} (slack)`));
  });

  it('shows someone without subscriptions how to make one', async () => {
    const result = await t.run('/account digest list', other);
    expect(result.reply.title).toBe('Digest subscriptions (0)');
    expect(result.text).toContain('No digests yet. In a channel: /account digest subscribe weekly mon 09:00');
  });

  it('refuses another member, changing nothing', async () => {
    await refused(
      `/account digest unsubscribe ${mine}`,
      'Only the person who subscribed or an admin can unsubscribe a digest.',
      other,
    );
    expect(await t.ws.digestSubscriptions.byId(mine)).not.toBeNull();
  });

  it.each([
    ['/account digest unsubscribe 99999', 'There is no digest subscription 99999; /account digest list shows them.'],
    ['/account digest unsubscribe', 'Say which subscription, by its number: /account digest unsubscribe 3.'],
    ['/account digest unsubscribe soon', 'Say which subscription, by its number: /account digest unsubscribe 3.'],
  ])('%s → one clear sentence', async (command, message) => {
    await refused(command, message, t.member);
  });

  it('lets the person who subscribed unsubscribe, recorded with who did it', async () => {
    const result = await t.run(`/account digest unsubscribe #${mine}`, t.member);
    expect(result.status).toBe('ok');
    expect(result.reply.summary).toBe(`Digest subscription #${mine} is cancelled.`);
    expect(await t.ws.digestSubscriptions.byId(mine)).toBeNull();
    expect((await t.ws.audit.forEntity('digest_subscription', mine))[0]).toMatchObject({
      action: 'digest.unsubscribe',
      actorId: t.member.id,
    });
  });

  it("lets an admin unsubscribe somebody else's digest", async () => {
    const members = idIn((await runIn('C-LIST-M2', '/account digest subscribe', other)).reply.summary);
    const result = await t.run(`/account digest unsubscribe ${members}`, t.admin);
    expect(result.status).toBe('ok');
    expect(await t.ws.digestSubscriptions.byId(members)).toBeNull();
    expect(await t.ws.digestSubscriptions.byId(admins)).not.toBeNull();
  });
});

describe('/account digest preview and now', () => {
  it('previews the digest privately, with the open accounts and never the restricted one', async () => {
    const result = await runIn('C-PREVIEW', '/account digest preview', t.admin);
    expect(result.status).toBe('ok');
    expect(result.restricted).toBe(false);
    expect(result.reply.audience).toBe('private');
    expect(result.reply.title).toMatch(/^Digest preview · /);
    expect(result.text).toContain(DIGEST_HEADINGS.renewals);
    expect(result.text).toMatch(/Harbourline Logistics \(harbourline\) — renewal \S+, in 20 days · owner Ada Admin/);
    expect(result.text).toContain(DIGEST_HEADINGS.closing);
    expect(result.text).toContain('Fleet telematics rollout');
    expect(result.text).toContain(DIGEST_HEADINGS.overdue);
    expect(result.text).toContain('Max Member: Send the revised SLA');
    expect(result.text).toContain('Corvane Mobility');
    // The admin may see Vault-Tec anywhere else, but a digest is for channels.
    expect(result.text).not.toMatch(/vault/i);
  });

  it('narrows a preview by filter', async () => {
    const result = await t.run('/account digest preview tier:B');
    expect(result.text).toContain('Corvane Mobility');
    expect(result.text).not.toContain('Harbourline');
    expect(result.reply.title).toMatch(/^Digest preview · /);
  });

  it('posts the digest to the channel now, with what the channel subscribed to', async () => {
    await runIn('C-NOW', '/account digest subscribe tier:A');
    const result = await runIn('C-NOW', '/account digest now', t.member);
    expect(result.status).toBe('ok');
    expect(result.restricted).toBe(false);
    expect(result.reply.audience).toBe('channel');
    expect(result.reply.title).toMatch(/^Account health digest · /);
    expect(result.text).toContain('Harbourline Logistics');
    expect(result.text).toContain('Fleet telematics rollout');
    // The channel's subscription is for tier A: Corvane (tier B) is not in it.
    expect(result.text).not.toContain('Corvane');
    expect(result.text).not.toMatch(/vault/i);
  });

  it('lets filters typed with `now` win over the channel’s subscription', async () => {
    const result = await runIn('C-NOW', '/account digest now tier:B', t.member);
    expect(result.text).toContain('Corvane Mobility');
    expect(result.text).not.toContain('Harbourline');
  });

  it('posts everything open now in a channel without a subscription', async () => {
    const result = await runIn('C-NOW-ALL', '/account digest now');
    expect(result.reply.audience).toBe('channel');
    expect(result.text).toContain('Harbourline Logistics');
    expect(result.text).toContain('Corvane Mobility');
    expect(result.text).not.toMatch(/vault/i);
  });

  it('with `linked` shows the account linked to the channel', async () => {
    await t.ws.channelLinks.link('slack', 'C-CORVANE', (await t.ws.accounts.byKey('corvane'))?.id ?? 0, SYSTEM_ACTOR);
    const result = await runIn('C-CORVANE', '/account digest preview linked');
    expect(result.text).toContain('Corvane Mobility');
    expect(result.text).not.toContain('Harbourline');
  });

  it.each(['/account digest preview linked', '/account digest now linked'])(
    '%s outside a channel → one clear sentence',
    async (command) => {
      await refused(command, '“linked” means the account linked to this channel; use it in a channel.');
    },
  );
});
