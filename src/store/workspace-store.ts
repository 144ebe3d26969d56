import type BetterSqlite3 from 'better-sqlite3';
import { AccountRepository } from './accounts.ts';
import { AuditLog } from './audit.ts';
import { ChannelLinkRepository } from './channel-links.ts';
import { ContactRepository } from './contacts.ts';
import { ConversationRepository } from './conversations.ts';
import { DigestReader } from './digest-reader.ts';
import { DigestRunRepository, DigestSubscriptionRepository } from './digests.ts';
import { HealthFactsReader } from './health-facts.ts';
import { HealthSnapshotRepository } from './health-snapshots.ts';
import { ImportRepository } from './imports.ts';
import { MemberRepository } from './members.ts';
import { NoteRepository } from './notes.ts';
import { OpportunityRepository } from './opportunities.ts';
import type { Db } from './prisma.ts';
import { SearchIndex } from './search.ts';
import { TaskRepository } from './tasks.ts';
import { inTransaction, type TransactionOptions } from './transaction.ts';
import { UserRepository } from './users.ts';
import { WorkspaceSettings } from './workspaces.ts';

/**
 * Everything the store holds for one workspace. Every repository is bound to the workspace when it is made, so no
 * query can forget to scope itself: there is no way to reach another workspace's rows from here.
 */
export class WorkspaceStore {
  readonly accounts: AccountRepository;
  readonly users: UserRepository;
  readonly members: MemberRepository;
  readonly contacts: ContactRepository;
  readonly opportunities: OpportunityRepository;
  readonly notes: NoteRepository;
  readonly tasks: TaskRepository;
  readonly channelLinks: ChannelLinkRepository;
  readonly audit: AuditLog;
  readonly search: SearchIndex;
  readonly snapshots: HealthSnapshotRepository;
  readonly healthFacts: HealthFactsReader;
  readonly workspaceSettings: WorkspaceSettings;
  readonly conversations: ConversationRepository;
  readonly digestSubscriptions: DigestSubscriptionRepository;
  readonly digestRuns: DigestRunRepository;
  readonly digestData: DigestReader;
  readonly imports: ImportRepository;

  constructor(
    private readonly db: Db,
    private readonly sqlite: BetterSqlite3.Database,
    readonly workspaceId: number,
  ) {
    this.accounts = new AccountRepository(db, sqlite, workspaceId);
    this.users = new UserRepository(db, workspaceId, sqlite);
    this.members = new MemberRepository(db, workspaceId);
    this.contacts = new ContactRepository(db, workspaceId, sqlite);
    this.opportunities = new OpportunityRepository(db, workspaceId, sqlite);
    this.notes = new NoteRepository(db, sqlite, workspaceId);
    this.tasks = new TaskRepository(db, workspaceId, sqlite);
    this.channelLinks = new ChannelLinkRepository(db, workspaceId, sqlite);
    this.audit = new AuditLog(db, workspaceId);
    this.search = new SearchIndex(sqlite, workspaceId);
    this.snapshots = new HealthSnapshotRepository(db, workspaceId, sqlite);
    this.healthFacts = new HealthFactsReader(sqlite, workspaceId);
    this.workspaceSettings = new WorkspaceSettings(db, workspaceId);
    this.conversations = new ConversationRepository(db, workspaceId, sqlite);
    this.digestSubscriptions = new DigestSubscriptionRepository(db, workspaceId);
    this.digestRuns = new DigestRunRepository(db, workspaceId);
    this.digestData = new DigestReader(db, sqlite, workspaceId);
    this.imports = new ImportRepository(db, sqlite, workspaceId);
  }

  /**
   * Runs `work` with repositories that share one transaction: all of it is saved, or none. Inside a transaction,
   * run the repositories' calls one after another (Prisma refuses concurrent queries on one transaction).
   */
  transaction<T>(work: (store: WorkspaceStore) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return inTransaction(this.db, (tx) => work(new WorkspaceStore(tx, this.sqlite, this.workspaceId)), options);
  }
}
