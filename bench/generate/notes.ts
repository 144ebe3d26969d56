// The notes: a million, in the order they were written. First when and for which account each is (by account
// weight, over up to three years at a rate that doubles, dormant accounts quiet for months), then the text: a
// sentence from the demo's templates filled with the account's people, sites and deals, then usually one or two
// observations in Zipf-distributed words, and `#risk`/`#win` tags as the note parser would set them.
import { COMPETITORS, COUNTRIES, PRODUCTS } from '../../src/demo/names.ts';
import { DAY_MS, type Random } from '../../src/demo/random.ts';
import {
  fill,
  hashtags,
  MONTHS,
  NEXT_STEPS,
  NOTE_TEMPLATES,
  type NoteTemplate,
  WEEKDAYS,
} from '../../src/demo/texts.ts';
import { noteRow, noteTagRows } from '../../src/store/rows.ts';
import { insertRow, insertRows } from '../../src/store/sqlite-rows.ts';
import { OBSERVATIONS, zipfWord } from '../lib/vocabulary.ts';
import type { People } from './people.ts';
import { BATCH, capitalise, type GenAccount, type Generation, type WeightedPicker, WORKSPACE_ID } from './shared.ts';

const RISK = NOTE_TEMPLATES.filter((template) => template.sentiment === 'negative');
const WIN = NOTE_TEMPLATES.filter((template) => template.sentiment === 'positive');
const PLAIN = NOTE_TEMPLATES.filter((template) => template.sentiment === 'neutral');

/** Which account each note is for and when it was written; `order` lists the notes by time. */
export interface NoteTimes {
  /** The notes' stream of the PRNG, carried on to their text. */
  noteRng: Random;
  noteAccount: Int32Array;
  noteTime: Float64Array;
  order: Uint32Array;
}

export function planNoteTimes(gen: Generation, accounts: GenAccount[], accountPicker: WeightedPicker): NoteTimes {
  const { rng, now, sizes } = gen;
  const noteRng = rng.fork('notes');
  const noteAccount = new Int32Array(sizes.notes);
  const noteTime = new Float64Array(sizes.notes);
  const threeYears = 3 * 365 * DAY_MS;
  for (let i = 0; i < sizes.notes; i++) {
    const index = accountPicker.pick(noteRng);
    const account = accounts[index] as GenAccount;
    const from = Math.max(account.createdAt, now - threeYears);
    // Dormant accounts went quiet months ago. The team grew: the note rate doubles over three years (density
    // ∝ 1 + t), so about a ninth of the notes fall in the last 90 days, the window health and digests read.
    const to = account.profile === 'dormant' ? now - (90 + (account.id % 300)) * DAY_MS : now - 3_600_000;
    const span = Math.max(DAY_MS, to - from);
    noteAccount[i] = index;
    noteTime[i] = from + span * (Math.sqrt(1 + 3 * noteRng.next()) - 1);
  }
  const order = new Uint32Array(sizes.notes);
  for (let i = 0; i < sizes.notes; i++) order[i] = i;
  order.sort((a, b) => (noteTime[a] ?? 0) - (noteTime[b] ?? 0));
  return { noteRng, noteAccount, noteTime, order };
}

/** Writes the notes in time order (ids ascending with time); returns their average length in characters. */
export function insertNotes(gen: Generation, accounts: GenAccount[], { users }: People, times: NoteTimes): number {
  const { db, now, sizes, vocabulary } = gen;
  const { noteRng, noteAccount, noteTime, order } = times;
  let totalChars = 0;
  const observation = (): string => {
    const template = noteRng.pick(OBSERVATIONS);
    return template
      .replace(/\{w\}/g, () => zipfWord(vocabulary, noteRng))
      .replace(/\{W\}/g, () => capitalise(zipfWord(vocabulary, noteRng)));
  };
  const noteText = (account: GenAccount, at: number): NoteTemplate & { body: string } => {
    const recent = now - at < 60 * DAY_MS;
    const roll = noteRng.next();
    const negativeShare = account.profile === 'at_risk' && recent ? 0.45 : 0.1;
    const positiveShare = account.profile === 'thriving' ? 0.3 : 0.18;
    const pool = roll < negativeShare ? RISK : roll < negativeShare + positiveShare ? WIN : PLAIN;
    const contact = account.contacts.length > 0 ? noteRng.pick(account.contacts) : null;
    const date = new Date(at);
    const month = date.getUTCMonth();
    const country = COUNTRIES[account.country];
    const values = {
      contact: contact ? (noteRng.chance(0.5) ? `${contact.name} (${contact.title})` : contact.name) : undefined,
      first: contact?.first,
      champion: account.contacts.find((candidate) => candidate.role === 'champion')?.name,
      colleague: users[(account.team[noteRng.int(0, account.team.length - 1)] ?? 1) - 1]?.first,
      site: noteRng.pick(country.cities as readonly string[]),
      product: noteRng.pick(PRODUCTS),
      opp: account.opportunities.length > 0 ? noteRng.pick(account.opportunities) : undefined,
      competitor: noteRng.pick(COMPETITORS),
      month: MONTHS[(month + noteRng.int(1, 3)) % 12],
      lastMonth: MONTHS[(month + 11) % 12],
      weekday: noteRng.pick(WEEKDAYS),
      quarter: `Q${Math.floor(((month + 3) % 12) / 3) + 1} ${date.getUTCFullYear()}`,
      year: String(date.getUTCFullYear() + 1),
      percent: String(noteRng.pick([5, 8, 10, 12, 15, 20])),
    };
    let template = noteRng.pick(pool);
    let text = fill(template.text, values);
    for (let attempt = 0; text === null && attempt < 8; attempt++) {
      template = noteRng.pick(PLAIN);
      text = fill(template.text, values);
    }
    const parts = [text ?? `Call with the ${values.site} team about ${values.product}.`];
    if (noteRng.chance(0.9)) parts.push(observation());
    if (noteRng.chance(0.45)) parts.push(observation());
    if (noteRng.chance(0.35)) parts.push(fill(noteRng.pick(NEXT_STEPS), values) ?? 'Owner informed.');
    return { ...template, body: parts.join(' ') };
  };
  let sequence = 0;
  for (let start = 0; start < sizes.notes; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(start + BATCH, sizes.notes); i++) {
        const index = order[i] ?? 0;
        const account = accounts[noteAccount[index] ?? 0] as GenAccount;
        const at = Math.floor(noteTime[index] ?? now);
        const note = noteText(account, at);
        const id = i + 1;
        totalChars += note.body.length;
        const author = noteRng.chance(0.6)
          ? account.ownerId
          : (account.team[noteRng.int(0, account.team.length - 1)] ?? account.ownerId);
        const source = noteRng.weighted([
          ['slack', 45],
          ['teams', 15],
          ['console', 15],
          ['import', 25],
        ] as const);
        let channel: string | null = null;
        let messageId: string | null = null;
        let permalink: string | null = null;
        if (source === 'slack') {
          channel = account.channel ?? `CA${String(account.id).padStart(8, '0')}`;
          messageId = `${Math.floor(at / 1000)}.${String(++sequence % 1_000_000).padStart(6, '0')}`;
          permalink = `https://bench-corp.slack.com/archives/${channel}/p${messageId.replace('.', '')}`;
        } else if (source === 'teams') {
          channel = `19:account-${account.id}@thread.tacv2`;
          messageId = String(at + ++sequence);
        }
        const occurredAt = new Date(at);
        const createdAt = source === 'import' ? new Date(Math.min(now, at + noteRng.int(1, 30) * DAY_MS)) : occurredAt;
        const input = {
          accountId: account.id,
          body: note.body,
          kind: note.kind,
          sentiment: note.sentiment,
          authorId: author,
          occurredAt,
          createdAt,
          sourceRef: { source, channel, messageId, permalink },
        };
        // The same rows the bot writes (src/store/rows.ts), numbered in time order.
        insertRow(db, 'Note', { id, ...noteRow(WORKSPACE_ID, input, source, createdAt) });
        insertRows(db, 'NoteTag', noteTagRows(WORKSPACE_ID, id, hashtags(note.body)));
      }
    })();
  }
  return Math.round(totalChars / sizes.notes);
}
