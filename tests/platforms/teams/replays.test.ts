// The same Teams activity again (the same id: a retry or a replay) runs once: a message is answered once, a save
// from the message extension makes one note and the repeat gets an empty answer.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type WorkspaceStore } from '../../../src/store/store.ts';
import { DANA_AAD, startTeamsHarness, TENANT, type TeamsHarness } from '../../helpers/teams-harness.ts';

let h: TeamsHarness;
let ws: WorkspaceStore;
let acmeId: number;

beforeAll(async () => {
  h = await startTeamsHarness();
  const workspace = await h.store.workspaces.ensureInstallation('teams', TENANT, { name: 'Contoso', timeZone: 'UTC' });
  ws = h.store.forWorkspace(workspace.id);
  await ws.users.ensureFromIdentity({ platform: 'teams', externalId: DANA_AAD, displayName: 'Dana Lee' });
  acmeId = (await ws.accounts.create({ key: 'acme', name: 'Acme Corporation', tier: 'A' }, SYSTEM_ACTOR)).id;
});
beforeEach(() => {
  h.fake.requests.length = 0;
});
afterAll(() => h.close());

describe('a Teams activity delivered twice', () => {
  it('saves the message from the message extension once; the repeat is answered with nothing', async () => {
    const submit = h.activity('invoke_compose_extension_submit_action_message', { id: 'f:replayed-save-1' });
    const activity = {
      ...submit,
      value: {
        ...(submit.value as object),
        commandId: 'saveToAccount',
        data: { account: String(acmeId), body: 'Replayed decision: freeze on Dec 5' },
      },
    };
    const first = await h.post(activity);
    expect(await first.json()).toEqual({
      task: { type: 'message', value: 'Saved a note to Acme Corporation (acme).' },
    });
    const again = await h.post(activity);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('{}');
    const notes = (await ws.notes.forAccount(acmeId, 10)).filter((note) => note.body.startsWith('Replayed decision'));
    expect(notes).toHaveLength(1);
  });

  it('answers a message once', async () => {
    const message = h.activity('personal_message', { id: 'replayed-message-1', text: 'note acme Replayed in Teams' });
    expect((await h.post(message)).status).toBe(200);
    expect((await h.post(message)).status).toBe(200);
    // Teams answers within the request, so by the second 200 every answer is out.
    expect(h.sent()).toHaveLength(1);
    const notes = (await ws.notes.forAccount(acmeId, 10)).filter((note) => note.body === 'Replayed in Teams');
    expect(notes).toHaveLength(1);
  });
});
