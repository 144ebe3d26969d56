// Bidi controls in user text (U+202A–202E, U+2066–2069) reorder what follows them unseen: "invoice \u202Egnp.exe"
// reads "invoice exe.png". Wherever user text is rendered, on Slack, on Teams, in the console and in a CSV export,
// it reads as written. The database keeps the text as it came.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCsv } from '../../src/export/export.ts';
import { formModal } from '../../src/platforms/slack/modals.ts';
import { renderCard } from '../../src/platforms/teams/cards.ts';
import { renderFormCard } from '../../src/platforms/teams/form-cards.ts';
import { cardActivity } from '../../src/platforms/teams/send.ts';
import { reply, text } from '../../src/replies/build.ts';
import type { FormBlock } from '../../src/replies/reply.ts';
import { renderText } from '../../src/replies/text.ts';
import { SYSTEM_ACTOR } from '../../src/store/store.ts';
import { renderedPayloads, type SlackHarness, startSlackHarness, TEAM } from '../helpers/slack-harness.ts';
import { DANA_AAD, startTeamsHarness, TENANT, type TeamsHarness } from '../helpers/teams-harness.ts';

const WRITTEN = 'invoice \u202Egnp.exe from \u2067Initech\u2069';
const READ = 'invoice gnp.exe from Initech';
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const NOTE_FORM: FormBlock = {
  type: 'form',
  formId: 'note',
  title: 'Save to account',
  submitLabel: 'Save',
  fields: [{ name: 'body', label: 'Note', kind: 'textarea', value: WRITTEN }],
};

function readsAsWritten(rendered: unknown): void {
  const json = JSON.stringify(rendered);
  expect(json).toContain(READ);
  expect(json).not.toMatch(BIDI);
}

describe('on Slack', () => {
  let h: SlackHarness;
  let workspaceId: number;
  beforeAll(async () => {
    h = await startSlackHarness();
    const workspace = await h.store.workspaces.ensureInstallation('slack', TEAM, { name: 'acme-eng', timeZone: 'UTC' });
    workspaceId = workspace.id;
    await h.store.forWorkspace(workspace.id).accounts.create({ key: 'acme', name: 'Acme' }, SYSTEM_ACTOR);
  });
  afterAll(() => h.close());

  it('shows a note as written, and stores what was sent', async () => {
    await h.command(`note acme ${WRITTEN}`);
    await h.fake.waitFor((requests) => requests.some((r) => r.path.startsWith('/response/')));
    await h.command('show acme');
    await h.fake.waitFor((requests) => requests.filter((r) => r.path.startsWith('/response/')).length >= 2);
    const [, shown] = renderedPayloads(h.fake);
    readsAsWritten(shown?.payload);
    const notes = await h.store.forWorkspace(workspaceId).imports.notes();
    expect(notes.map((note) => note.body)).toEqual([WRITTEN]);
  });

  it('prefills a modal as written', () => {
    readsAsWritten(formModal(NOTE_FORM, '{}', 'en'));
  });
});

describe('on Teams', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
    const workspace = await h.store.workspaces.ensureInstallation('teams', TENANT, {
      name: 'Contoso',
      timeZone: 'UTC',
    });
    const ws = h.store.forWorkspace(workspace.id);
    await ws.users.ensureFromIdentity({ platform: 'teams', externalId: DANA_AAD, displayName: 'Dana Lee' });
    await ws.accounts.create({ key: 'acme', name: `Acme ${WRITTEN}` }, SYSTEM_ACTOR);
  });
  afterAll(() => h.close());

  it('shows an account card as written', async () => {
    expect((await h.post(h.activity('personal_message', { text: 'show acme' }))).status).toBe(200);
    const [sent] = h.sent();
    readsAsWritten(sent?.body);
  });

  it('writes the notification text and a form’s values as written', () => {
    const activity = cardActivity(renderCard(reply({ summary: WRITTEN })), WRITTEN);
    readsAsWritten(activity.summary);
    readsAsWritten(renderFormCard(NOTE_FORM));
  });
});

describe('in the console and in exports', () => {
  it('prints a reply as written', () => {
    readsAsWritten(renderText(reply({ title: 'Acme', summary: WRITTEN, blocks: [text(WRITTEN)] })));
  });

  it('exports a note as written', async () => {
    const h = await startSlackHarness();
    try {
      const workspace = await h.store.workspaces.ensureInstallation('slack', TEAM, { name: 'x', timeZone: 'UTC' });
      const ws = h.store.forWorkspace(workspace.id);
      const account = await ws.accounts.create({ key: 'acme', name: 'Acme' }, SYSTEM_ACTOR);
      await ws.notes.add({ accountId: account.id, body: WRITTEN }, SYSTEM_ACTOR);
      readsAsWritten((await exportCsv(ws, 'notes')).csv);
    } finally {
      await h.close();
    }
  });
});
