// The store: the only code that knows about Prisma and SQLite. Open it once per process.
import { type BackupResult, backupDatabase } from './backup.ts';
import { type Database, type OpenOptions, openDatabase, refreshStatistics } from './database.ts';
import { allSubscriptions, type DigestSubscription } from './digests.ts';
import { InboundRequests } from './inbound.ts';
import { exclusiveWrite } from './transaction.ts';
import { WorkspaceStore } from './workspace-store.ts';
import { WorkspaceDirectory } from './workspaces.ts';

export class Store {
  readonly workspaces: WorkspaceDirectory;
  /** Requests from Slack and Teams, recorded before they are acknowledged. */
  readonly inbound: InboundRequests;

  private constructor(private readonly database: Database) {
    this.workspaces = new WorkspaceDirectory(database.prisma, database.sqlite);
    this.inbound = new InboundRequests(database.sqlite);
  }

  /** Opens (and creates) the SQLite database at `databaseUrl`, applying pending migrations first. */
  static async open(databaseUrl: string, options?: OpenOptions): Promise<Store> {
    return new Store(await openDatabase(databaseUrl, options));
  }

  get path(): string {
    return this.database.path;
  }

  /** Migrations applied when this store was opened. */
  get appliedMigrations(): string[] {
    return this.database.appliedMigrations;
  }

  /** Interrupted migrations repaired when the store was opened (`migrate: 'repair'`), one sentence each. */
  get repairedMigrations(): string[] {
    return this.database.repairedMigrations;
  }

  /** Every workspace's active digest subscriptions: the scheduler serves all workspaces of the database. */
  allDigestSubscriptions(): Promise<DigestSubscription[]> {
    return allSubscriptions(this.database.prisma);
  }

  /** The repositories of one workspace; nothing outside it is reachable through them. */
  forWorkspace(workspaceId: number): WorkspaceStore {
    return new WorkspaceStore(this.database.prisma, this.database.sqlite, workspaceId);
  }

  /** How the store's SQLite connection is set up, for diagnostics and tests. */
  connectionSettings(): { journalMode: string; foreignKeys: boolean; busyTimeoutMs: number } {
    const sqlite = this.database.sqlite;
    return {
      journalMode: String(sqlite.pragma('journal_mode', { simple: true })),
      foreignKeys: sqlite.pragma('foreign_keys', { simple: true }) === 1,
      busyTimeoutMs: Number(sqlite.pragma('busy_timeout', { simple: true })),
    };
  }

  /**
   * Lets SQLite re-collect table statistics where they went stale (as at every open), for a bot that runs for
   * months: a database that started empty has statistics only once tables have rows. The plain connection, which
   * runs the hot reads, plans with the new ones at once; Prisma's connection at its next start. Takes its turn with
   * the other writes (it writes sqlite_stat1).
   */
  refreshStatistics(): Promise<void> {
    return exclusiveWrite(() => refreshStatistics(this.database.sqlite));
  }

  /**
   * Copies the database to `file`, consistent while writes go on (backup.ts). It runs in this process and holds
   * the event loop while it copies: `kam backup`, a process of its own, is the way to back up a serving bot.
   */
  backup(file: string): BackupResult {
    return backupDatabase(this.database.path, file);
  }

  async close(): Promise<void> {
    await this.database.close();
  }
}

export type { AccountFilter, AccountIndexEntry, AccountPatch, NewAccount, Viewer } from './accounts.ts';
export type { Actor } from './audit.ts';
export { SYSTEM_ACTOR } from './audit.ts';
export type { BulkInserter } from './bulk-inserts.ts';
export type { ContactPatch, NewContact } from './contacts.ts';
export type { Conversation, ConversationKind, SeenConversation } from './conversations.ts';
export type { Claim, DigestFilter, DigestRun, DigestSubscription, NewSubscription } from './digests.ts';
export { type AccountActivity, healthFactsOf, historyFactsOf } from './health-facts.ts';
export { type ScoringActivity, scoringFactsOf } from './health-scoring.ts';
export type { HealthSnapshot } from './health-snapshots.ts';
export type {
  ContactImportPatch,
  ImportedContact,
  ImportedOpportunity,
  NewImportedAccount,
  NewImportedOpportunity,
  NoteImportPatch,
  OpportunityImportPatch,
  RowOrigin,
  UserImportPatch,
} from './imports.ts';
export type { InboundRequest, InboundStatus, Lease, NewInbound, Recorded } from './inbound.ts';
export type { NewNote, NewNoteTask, SavedNote } from './notes.ts';
export type { NewOpportunity, OpportunityPatch } from './opportunities.ts';
export { type Completion, completingRequest, completionOf } from './request-completion.ts';
export type { SearchResults } from './search.ts';
export type { NewTask, TaskFilter } from './tasks.ts';
export type { NewUser, SeenUser } from './users.ts';
export { WorkspaceStore } from './workspace-store.ts';
