// /account through the real Bolt receiver: signed requests in, the fake Slack API and response_url recording out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/store/store.ts';
import { rowCounts } from '../../helpers/row-counts.ts';
import { ASKER, fixture, type SlackHarness, sign, startSlackHarness, TEAM } from '../../helpers/slack-harness.ts';

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness();
  // The Slack team becomes a workspace on first sight; give it an account to look at.
  const workspace = await h.store.workspaces.ensureInstallation('slack', TEAM, {
    name: 'acme-eng',
    timeZone: 'Europe/Berlin',
  });
  await h.store
    .forWorkspace(workspace.id)
    .accounts.create({ key: 'acme', name: 'Acme Corporation', tier: 'A' }, SYSTEM_ACTOR);
});
afterAll(() => h.close());

describe('the Slack HTTP endpoint', () => {
  it('answers /healthz', async () => {
    const response = await fetch(`${h.running.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', platforms: ['slack'] });
  });

  it('answers Slack’s URL verification, signed', async () => {
    const response = await h.event(fixture('url_verification.json'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      challenge: fixture<{ challenge: string }>('url_verification.json').challenge,
    });
  });

  it('refuses a bad signature and an old timestamp with 401, changing nothing', async () => {
    const before = rowCounts(h.databasePath);
    const calls = h.fake.requests.length;
    const body = new URLSearchParams({
      ...fixture<Record<string, string>>('slash_command.json'),
      command: '/account',
      text: 'new Forged Inc',
    }).toString();
    const now = Math.floor(Date.now() / 1000);
    const forged = await h.post(body, 'application/x-www-form-urlencoded', {
      signature: sign(body, now, 'not-the-secret'),
    });
    const stale = await h.post(body, 'application/x-www-form-urlencoded', {
      timestamp: now - 301,
      signature: sign(body, now - 301),
    });
    const unsigned = await fetch(`${h.running.url}/slack/events`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect([forged.status, stale.status, unsigned.status]).toEqual([401, 401, 401]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.requests.length).toBe(calls);
    expect(rowCounts(h.databasePath)).toEqual(before);
  });
});

describe('/account', () => {
  it('acks at once even while the Slack API takes seconds, then answers privately through response_url', async () => {
    // Hold users.info (the first-sight lookup of the person asking) until the ack has been seen.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    h.fake.on('/api/users.info', async (request) => {
      await Promise.race([held, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      return {
        ok: true,
        user: {
          id: request.body.user,
          real_name: 'Dana Lee',
          tz: 'Europe/Berlin',
          profile: { real_name: 'Dana Lee', email: 'dana.lee@example.com' },
        },
      };
    });
    const started = Date.now();
    const response = await h.command('show acme', { user_id: 'U0SLOWPERSON' });
    const ackedAfter = Date.now() - started;
    expect(response.status).toBe(200);
    expect(ackedAfter).toBeLessThan(3_000);
    // The work goes on after the ack: the lookup is still waiting on the slow API.
    await h.fake.waitFor((requests) =>
      requests.some((r) => r.path === '/api/users.info' && r.body.user === 'U0SLOWPERSON'),
    );
    expect(h.fake.requests.some((r) => r.path.startsWith('/response/'))).toBe(false);
    release();
    await h.fake.waitFor((requests) =>
      requests.some((r) => r.path.startsWith('/response/') && JSON.stringify(r.body).includes('Acme Corporation')),
    );
    const answer = h.fake.requests.find(
      (r) => r.path.startsWith('/response/') && JSON.stringify(r.body).includes('Acme Corporation'),
    );
    expect(answer?.body).toMatchObject({ response_type: 'ephemeral' });
    const blocks = answer?.body.blocks as { type: string; elements?: { action_id?: string }[] }[];
    expect(blocks.some((block) => block.elements?.some((element) => element.action_id === 'share'))).toBe(true);
  });

  it('reads the workspace on every request: a change to its health settings shows at once, no restart', async () => {
    const answered = (text: string) => (requests: { path: string; body: unknown }[]) =>
      requests.some((r) => r.path.startsWith('/response/') && JSON.stringify(r.body).includes(text));
    await h.command('health acme');
    await h.fake.waitFor(answered('green from 70'));
    const workspace = await h.store.workspaces.forInstallation('slack', TEAM);
    if (!workspace) throw new Error('the Slack team has no workspace');
    await h.store.workspaces.setHealthSettings(workspace.id, { bands: { green: 95, amber: 50 } });
    await h.command('health acme');
    await h.fake.waitFor(answered('green from 95'));
    await h.store.workspaces.setHealthSettings(workspace.id, null);
  });

  it('answers a user error privately, in one sentence, without a share button', async () => {
    const response = await h.command('new');
    expect(response.status).toBe(200);
    await h.fake.waitFor((requests) => requests.some((r) => r.path.startsWith('/api/views.open')));
    // With a trigger at hand, "new" without a name opens the form instead of complaining.
    const view = h.fake.calls('/api/views.open').at(-1)?.body.view as { callback_id: string };
    expect(view.callback_id).toBe('account_new');
    await h.command('show zzqqxx');
    await h.fake.waitFor((requests) => requests.some((r) => JSON.stringify(r.body).includes('zzqqxx')));
    const answer = h.fake.requests.find(
      (r) => r.path.startsWith('/response/') && JSON.stringify(r.body).includes('zzqqxx'),
    );
    expect(answer?.body.text).toBe("I couldn't find an account called “zzqqxx”; /account list shows them all.");
    expect(JSON.stringify(answer?.body)).not.toContain('"share"');
  });

  it('shares an answer in the channel when asked, as the person who shares it', async () => {
    const shareValue = 'show acme';
    const payload = {
      ...fixture<Record<string, unknown>>('block_actions.json'),
      user: { id: ASKER, username: 'dana.lee', team_id: TEAM },
      team: { id: TEAM, domain: 'acme-eng' },
      response_url: `${h.fake.url}/response/share`,
      actions: [{ type: 'button', action_id: 'share', block_id: 'b', value: shareValue, action_ts: '1' }],
    };
    const response = await h.interactive(payload);
    expect(response.status).toBe(200);
    await h.fake.waitFor((requests) => requests.filter((r) => r.path === '/response/share').length >= 2);
    const [deleted, shared] = h.fake.calls('/response/share');
    expect(deleted?.body).toEqual({ delete_original: true });
    expect(shared?.body).toMatchObject({ response_type: 'in_channel' });
    expect(JSON.stringify(shared?.body)).toContain('Acme Corporation');
  });
});
