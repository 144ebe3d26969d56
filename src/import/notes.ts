// Notes from a file. A note is the same note when it has the same source message (a Slack or Teams message in
// kam-bot's own export, a CRM's note id) or, without one, the same text at the same account and time; so importing
// a file twice, or an export back into its workspace, adds nothing. Tags, sentiment and kind come from the file, or
// from the text's #tags as in chat; `todo:` lines do not become follow-ups (an import should not assign work).
import { normalize } from '../domain/normalize.ts';
import { extractTags, kindOf, sentimentOf } from '../domain/note-text.ts';
import type { Note, NoteSourceRef } from '../domain/records.ts';
import type { NewNote, NoteImportPatch } from '../store/store.ts';
import type { AccountDirectory } from './account-refs.ts';
import { idOf, type People, type UserSlot } from './people.ts';
import { Claims, changes, defined, emptyPlan, type Parsed, type Plan } from './plan.ts';
import type { NoteRow } from './rows.ts';
import type { BatchWriter } from './write.ts';

/** The channel an imported note's CRM id is kept under, so (import, csv, id) is unique per workspace. */
export const CSV_SOURCE_CHANNEL = 'csv';

type Create = { data: Omit<NewNote, 'authorId'> & { authorId?: UserSlot | null } };
type Update = { patch: Omit<NoteImportPatch, 'authorId'> & { authorId?: UserSlot | null } };
export type NotePlan = Plan<Create, Update>;

function sourceOf(row: NoteRow): Omit<NoteSourceRef, 'permalink'> | null {
  if (row.sourceChannel && row.sourceMessageId) {
    return { source: row.source ?? 'import', channel: row.sourceChannel, messageId: row.sourceMessageId };
  }
  if (row.externalId) return { source: 'import', channel: CSV_SOURCE_CHANNEL, messageId: row.externalId };
  return null;
}

const refKey = (ref: Omit<NoteSourceRef, 'permalink'>) => `${ref.source}|${ref.channel}|${ref.messageId}`;
const textKey = (accountId: number, body: string) => `${accountId}|${normalize(body)}`;

export function planNotes(
  rows: readonly Parsed<NoteRow>[],
  existing: readonly Note[],
  accounts: AccountDirectory,
  people: People,
  now: Date,
): NotePlan {
  const byRef = new Map<string, Note>();
  const byText = new Map<string, Note[]>();
  for (const note of existing) {
    const { source, channel, messageId } = note.sourceRef;
    if (channel && messageId) byRef.set(refKey({ source, channel, messageId }), note);
    byText.set(textKey(note.accountId, note.body), [...(byText.get(textKey(note.accountId, note.body)) ?? []), note]);
  }
  const plan: NotePlan = emptyPlan();
  const claims = new Claims();
  for (const { line, row } of rows) {
    const fail = (reason: string) => plan.failures.push({ line, reason });
    const lookup = accounts.find(row, 'a note');
    if (!lookup || 'problem' in lookup) {
      fail(lookup?.problem ?? 'the file has no account column; every note belongs to an account');
      continue;
    }
    const account = lookup.account;
    const body = row.subject && row.body ? `${row.subject}\n\n${row.body}` : (row.body ?? row.subject);
    if (!body) {
      fail('the note is empty');
      continue;
    }
    const ref = sourceOf(row);
    const sameText = (byText.get(textKey(account.id, body)) ?? []).filter(
      (note) => !row.occurredAt || note.occurredAt.getTime() === row.occurredAt.getTime(),
    );
    const match = ref ? byRef.get(refKey(ref)) : sameText[0];
    const earlier = claims.claim(line, [
      match ? `match:${match.id}` : null,
      ref ? `ref:${refKey(ref)}` : `text:${textKey(account.id, body)}|${row.occurredAt?.getTime() ?? ''}`,
    ]);
    if (earlier !== null) {
      fail(`it is the same note as line ${earlier}; give each note one row`);
      continue;
    }
    const tags = row.tags ?? (match ? undefined : extractTags(body));
    const fields = defined({
      accountId: account.id,
      body,
      kind: row.kind ?? (tags && !match ? kindOf(tags) : undefined),
      sentiment: row.sentiment ?? (tags && !match ? sentimentOf(tags) : undefined),
      tags: row.tags === null ? [] : tags,
      authorId: row.author === null ? null : row.author && people.resolve(row.author, line),
      occurredAt: row.occurredAt ?? (match ? undefined : now),
    });
    if (!match) {
      // A note keeps where it was first captured (kam-bot's export says so), else it counts as imported.
      const sourceRef = { ...(ref ?? { source: row.source ?? 'import' }), permalink: row.sourcePermalink ?? null };
      plan.creates.push({ line, data: { ...fields, accountId: account.id, body, sourceRef } });
      continue;
    }
    const { authorId, ...rest } = fields;
    const patch: Update['patch'] = changes(
      { ...match, sourcePermalink: match.sourceRef.permalink },
      {
        ...rest,
        sourcePermalink: row.sourcePermalink,
      },
    );
    if (authorId !== undefined && (authorId?.id ?? null) !== match.authorId) patch.authorId = authorId;
    if (Object.keys(patch).length === 0) plan.unchanged++;
    else plan.updates.push({ line, id: match.id, patch });
  }
  return plan;
}

export const noteWriter: BatchWriter<Create, Update> = {
  slots: (item) => ['data' in item ? item.data.authorId : item.patch.authorId],
  create: (insert, items, origins, by) =>
    insert.notes(
      items.map(({ data: { authorId, ...data } }) => ({ ...data, authorId: idOf(authorId) ?? null })),
      origins,
      by,
    ),
  update: (store, { id, patch: { authorId, ...patch } }, origin, by) =>
    store.imports.updateNote(id, authorId === undefined ? patch : { ...patch, authorId: idOf(authorId) }, origin, by),
};
