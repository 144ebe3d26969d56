// `kam export`: a workspace's accounts, contacts, opportunities, notes or users as CSV that `kam import` reads back
// to the same records. The headers are the import's field names; accounts are referred to by key, people as
// "Name <email>" (so an import into an empty workspace recreates them), lists are separated by "; ". A day stored
// as 12:00 UTC (close dates, renewals, anything imported as a plain date) is written as YYYY-MM-DD, every other
// time in full ISO 8601, so nothing moves by a time zone on the way back. A text cell a spreadsheet would run as a
// formula gets an apostrophe in front, which the import takes away (spreadsheet-cells.ts); bidi controls, which
// would make a cell read differently from what it holds, are left out (display-text.ts).
//
// Restricted accounts: with a viewer, only what that person may see (their accounts' contacts, opportunities and
// notes included); without one, everything, as for the workspace's admin.
import { stringify } from 'csv-stringify/sync';
import { withoutBidiControls } from '../domain/display-text.ts';
import type { Account, User } from '../domain/records.ts';
import { guardFormula } from '../domain/spreadsheet-cells.ts';
import type { Entity } from '../import/column-names.ts';
import type { Viewer, WorkspaceStore } from '../store/store.ts';

export interface ExportOptions {
  /** Export only what this person may see; everything when absent. */
  viewer?: Viewer;
  /** `,` (default) or `;`; with `;` numbers get a decimal comma, as spreadsheets in most of Europe expect. */
  separator?: string;
}

type Cell = string | number | null | undefined;

function day(date: Date | null | undefined): string {
  if (!date) return '';
  const iso = date.toISOString();
  return iso.endsWith('T12:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function person(users: ReadonlyMap<number, User>, id: number | null): string {
  const user = id === null ? undefined : users.get(id);
  if (!user) return '';
  return user.email ? `${user.displayName} <${user.email}>` : user.displayName;
}

const list = (items: readonly string[]) => items.join('; ');

async function accountsAndPeople(store: WorkspaceStore, viewer: Viewer | undefined) {
  const all = await store.imports.accounts();
  const visible = viewer
    ? new Set((await store.accounts.list({ includeArchived: true }, viewer)).map((a) => a.id))
    : null;
  const accounts = visible ? all.filter((account) => visible.has(account.id)) : all;
  const users = new Map((await store.imports.users()).map((user) => [user.id, user]));
  return { accounts, byId: new Map(all.map((account) => [account.id, account])), visible, users };
}

async function rowsOf(
  store: WorkspaceStore,
  entity: Entity,
  viewer: Viewer | undefined,
): Promise<Record<string, Cell>[]> {
  const { accounts, byId, visible, users } = await accountsAndPeople(store, viewer);
  const keyOf = (id: number | null) => (id === null ? '' : (byId.get(id)?.key ?? ''));
  const shown = <T extends { accountId: number }>(items: T[]) =>
    visible ? items.filter((i) => visible.has(i.accountId)) : items;
  switch (entity) {
    case 'accounts':
      return accounts.map((a: Account) => ({
        externalId: a.externalId,
        key: a.key,
        name: a.name,
        aliases: list(a.aliases),
        tier: a.tier,
        status: a.status,
        sector: a.sector,
        country: a.country,
        region: a.region,
        // A parent the viewer may not see is left out, with everything else about it.
        parentKey: visible && a.parentId !== null && !visible.has(a.parentId) ? '' : keyOf(a.parentId),
        owner: person(users, a.ownerId),
        annualRevenue: a.annualRevenue,
        potential: a.potential,
        currency: a.currency,
        renewalAt: day(a.renewalAt),
        visibility: a.visibility,
        strategy: a.strategy,
        archivedAt: day(a.archivedAt),
      }));
    case 'contacts':
      return shown(await store.imports.contacts()).map((c) => ({
        externalId: c.externalId,
        accountKey: keyOf(c.accountId),
        name: c.name,
        title: c.title,
        email: c.email,
        phone: c.phone,
        buyingRole: c.buyingRole,
        influence: c.influence,
        relationship: c.relationship,
        lastContactAt: day(c.lastContactAt),
        leftAt: day(c.leftAt),
      }));
    case 'opportunities':
      return shown(await store.imports.opportunities()).map((o) => ({
        externalId: o.externalId,
        accountKey: keyOf(o.accountId),
        title: o.title,
        stage: o.stage,
        value: o.value,
        currency: o.currency,
        expectedCloseAt: day(o.expectedCloseAt),
        probability: o.probability,
        competitors: list(o.competitors),
        lossReason: o.lossReason,
        owner: person(users, o.ownerId),
        closedAt: day(o.closedAt),
        stageChangedAt: day(o.stageChangedAt),
        createdAt: day(o.createdAt),
      }));
    case 'notes':
      return shown(await store.imports.notes()).map((n) => ({
        accountKey: keyOf(n.accountId),
        body: n.body,
        kind: n.kind,
        sentiment: n.sentiment,
        tags: n.tags.map((tag) => `#${tag}`).join(' '),
        author: person(users, n.authorId),
        occurredAt: day(n.occurredAt),
        source: n.sourceRef.source,
        sourceChannel: n.sourceRef.channel,
        sourceMessageId: n.sourceRef.messageId,
        sourcePermalink: n.sourceRef.permalink,
      }));
    case 'users':
      return [...users.values()].map((u) => ({
        name: u.displayName,
        email: u.email,
        role: u.role,
        timeZone: u.timeZone,
      }));
  }
}

/** The header row of an entity's export, also when there is nothing to export. */
export const EXPORT_COLUMNS: Record<Entity, string[]> = {
  accounts:
    'externalId key name aliases tier status sector country region parentKey owner annualRevenue potential currency renewalAt visibility strategy archivedAt'.split(
      ' ',
    ),
  contacts: 'externalId accountKey name title email phone buyingRole influence relationship lastContactAt leftAt'.split(
    ' ',
  ),
  opportunities:
    'externalId accountKey title stage value currency expectedCloseAt probability competitors lossReason owner closedAt stageChangedAt createdAt'.split(
      ' ',
    ),
  notes:
    'accountKey body kind sentiment tags author occurredAt source sourceChannel sourceMessageId sourcePermalink'.split(
      ' ',
    ),
  users: ['name', 'email', 'role', 'timeZone'],
};

/** The entity as CSV text (CRLF line ends, a header row), and how many records it holds. */
export async function exportCsv(
  store: WorkspaceStore,
  entity: Entity,
  options: ExportOptions = {},
): Promise<{ csv: string; records: number }> {
  const separator = options.separator ?? ',';
  const rows = await rowsOf(store, entity, options.viewer);
  const columns = EXPORT_COLUMNS[entity];
  const number = (value: number) => (separator === ';' ? String(value).replace('.', ',') : String(value));
  const csv = stringify(
    rows.map((row) =>
      columns.map((column) => {
        const value = row[column];
        return typeof value === 'number' ? number(value) : guardFormula(withoutBidiControls(value ?? ''));
      }),
    ),
    { header: true, columns, delimiter: separator, record_delimiter: 'windows' },
  );
  return { csv, records: rows.length };
}
