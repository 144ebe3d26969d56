-- CreateTable
CREATE TABLE "Workspace" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "healthSettings" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Installation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "credentialRef" TEXT,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Installation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "role" TEXT NOT NULL DEFAULT 'member',
    "timeZone" TEXT,
    "deactivated" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UserIdentity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UserIdentity_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UserIdentity_workspaceId_userId_fkey" FOREIGN KEY ("workspaceId", "userId") REFERENCES "User" ("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Account" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" JSONB NOT NULL,
    "tier" TEXT NOT NULL DEFAULT 'B',
    "sector" TEXT,
    "country" TEXT,
    "region" TEXT,
    "parentId" INTEGER,
    "ownerId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'active',
    "annualRevenue" REAL,
    "potential" REAL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "renewalAt" DATETIME,
    "visibility" TEXT NOT NULL DEFAULT 'open',
    "strategy" TEXT,
    "externalId" TEXT,
    "healthOverrideScore" INTEGER,
    "healthOverrideReason" TEXT,
    "healthOverrideUntil" DATETIME,
    "healthOverrideById" INTEGER,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Account_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Account_workspaceId_parentId_fkey" FOREIGN KEY ("workspaceId", "parentId") REFERENCES "Account" ("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
    CONSTRAINT "Account_workspaceId_ownerId_fkey" FOREIGN KEY ("workspaceId", "ownerId") REFERENCES "User" ("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
    CONSTRAINT "Account_workspaceId_healthOverrideById_fkey" FOREIGN KEY ("workspaceId", "healthOverrideById") REFERENCES "User" ("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
);

-- CreateTable
CREATE TABLE "AccountMember" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccountMember_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccountMember_workspaceId_accountId_fkey" FOREIGN KEY ("workspaceId", "accountId") REFERENCES "Account" ("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccountMember_workspaceId_userId_fkey" FOREIGN KEY ("workspaceId", "userId") REFERENCES "User" ("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "buyingRole" TEXT,
    "influence" INTEGER,
    "relationship" INTEGER,
    "lastContactAt" DATETIME,
    "externalId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Contact_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Contact_workspaceId_accountId_fkey" FOREIGN KEY ("workspaceId", "accountId") REFERENCES "Account" ("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Opportunity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'lead',
    "value" REAL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "expectedCloseAt" DATETIME,
    "probability" INTEGER,
    "competitors" JSONB NOT NULL,
    "lossReason" TEXT,
    "ownerId" INTEGER,
    "stageChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    "externalId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Opportunity_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Opportunity_workspaceId_accountId_fkey" FOREIGN KEY ("workspaceId", "accountId") REFERENCES "Account" ("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Opportunity_workspaceId_ownerId_fkey" FOREIGN KEY ("workspaceId", "ownerId") REFERENCES "User" ("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
);

-- CreateTable
CREATE TABLE "Note" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'note',
    "sentiment" TEXT NOT NULL DEFAULT 'neutral',
    "authorId" INTEGER,
    "occurredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL DEFAULT 'console',
    "sourceChannel" TEXT,
    "sourceMessageId" TEXT,
    "sourcePermalink" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Note_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Note_workspaceId_accountId_fkey" FOREIGN KEY ("workspaceId", "accountId") REFERENCES "Account" ("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Note_workspaceId_authorId_fkey" FOREIGN KEY ("workspaceId", "authorId") REFERENCES "User" ("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
);

-- CreateTable
CREATE TABLE "NoteTag" (
    "workspaceId" INTEGER NOT NULL,
    "noteId" INTEGER NOT NULL,
    "tag" TEXT NOT NULL,

    PRIMARY KEY ("noteId", "tag"),
    CONSTRAINT "NoteTag_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NoteTag_workspaceId_noteId_fkey" FOREIGN KEY ("workspaceId", "noteId") REFERENCES "Note" ("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Task" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueAt" DATETIME,
    "assigneeId" INTEGER,
    "createdById" INTEGER,
    "noteId" INTEGER,
    "doneAt" DATETIME,
    "remindedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Task_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Task_workspaceId_accountId_fkey" FOREIGN KEY ("workspaceId", "accountId") REFERENCES "Account" ("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Task_workspaceId_assigneeId_fkey" FOREIGN KEY ("workspaceId", "assigneeId") REFERENCES "User" ("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
    CONSTRAINT "Task_workspaceId_createdById_fkey" FOREIGN KEY ("workspaceId", "createdById") REFERENCES "User" ("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
    CONSTRAINT "Task_workspaceId_noteId_fkey" FOREIGN KEY ("workspaceId", "noteId") REFERENCES "Note" ("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
);

-- CreateTable
CREATE TABLE "HealthSnapshot" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "band" TEXT NOT NULL,
    "components" JSONB NOT NULL,
    "periodKey" TEXT NOT NULL,
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HealthSnapshot_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HealthSnapshot_workspaceId_accountId_fkey" FOREIGN KEY ("workspaceId", "accountId") REFERENCES "Account" ("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DigestSubscription" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "channelName" TEXT,
    "conversationRef" JSONB,
    "cron" TEXT NOT NULL DEFAULT '0 9 * * 1',
    "timeZone" TEXT NOT NULL,
    "filter" JSONB NOT NULL,
    "createdById" INTEGER,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DigestSubscription_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DigestSubscription_workspaceId_createdById_fkey" FOREIGN KEY ("workspaceId", "createdById") REFERENCES "User" ("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
);

-- CreateTable
CREATE TABLE "DigestRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "subscriptionId" INTEGER NOT NULL,
    "periodKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "messageRef" JSONB,
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "postedAt" DATETIME,
    CONSTRAINT "DigestRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DigestRun_workspaceId_subscriptionId_fkey" FOREIGN KEY ("workspaceId", "subscriptionId") REFERENCES "DigestSubscription" ("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChannelLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "accountId" INTEGER NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChannelLink_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChannelLink_workspaceId_accountId_fkey" FOREIGN KEY ("workspaceId", "accountId") REFERENCES "Account" ("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChannelLink_workspaceId_createdById_fkey" FOREIGN KEY ("workspaceId", "createdById") REFERENCES "User" ("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" INTEGER,
    "origin" TEXT NOT NULL,
    "details" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AuditEvent_workspaceId_actorId_fkey" FOREIGN KEY ("workspaceId", "actorId") REFERENCES "User" ("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
);

-- CreateIndex
CREATE INDEX "Installation_workspaceId_idx" ON "Installation"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Installation_platform_externalId_key" ON "Installation"("platform", "externalId");

-- CreateIndex
CREATE INDEX "User_workspaceId_displayName_idx" ON "User"("workspaceId", "displayName");

-- CreateIndex
CREATE UNIQUE INDEX "User_workspaceId_id_key" ON "User"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "User_workspaceId_email_key" ON "User"("workspaceId", "email");

-- CreateIndex
CREATE INDEX "UserIdentity_workspaceId_userId_idx" ON "UserIdentity"("workspaceId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "UserIdentity_workspaceId_platform_externalId_key" ON "UserIdentity"("workspaceId", "platform", "externalId");

-- CreateIndex
CREATE INDEX "Account_workspaceId_ownerId_idx" ON "Account"("workspaceId", "ownerId");

-- CreateIndex
CREATE INDEX "Account_workspaceId_parentId_idx" ON "Account"("workspaceId", "parentId");

-- CreateIndex
CREATE INDEX "Account_workspaceId_renewalAt_idx" ON "Account"("workspaceId", "renewalAt");

-- CreateIndex
CREATE UNIQUE INDEX "Account_workspaceId_id_key" ON "Account"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Account_workspaceId_key_key" ON "Account"("workspaceId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Account_workspaceId_externalId_key" ON "Account"("workspaceId", "externalId");

-- CreateIndex
CREATE INDEX "AccountMember_workspaceId_userId_idx" ON "AccountMember"("workspaceId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "AccountMember_accountId_userId_key" ON "AccountMember"("accountId", "userId");

-- CreateIndex
CREATE INDEX "Contact_workspaceId_accountId_idx" ON "Contact"("workspaceId", "accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_workspaceId_externalId_key" ON "Contact"("workspaceId", "externalId");

-- CreateIndex
CREATE INDEX "Opportunity_workspaceId_accountId_idx" ON "Opportunity"("workspaceId", "accountId");

-- CreateIndex
CREATE INDEX "Opportunity_workspaceId_stage_expectedCloseAt_idx" ON "Opportunity"("workspaceId", "stage", "expectedCloseAt");

-- CreateIndex
CREATE INDEX "Opportunity_workspaceId_closedAt_idx" ON "Opportunity"("workspaceId", "closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Opportunity_workspaceId_externalId_key" ON "Opportunity"("workspaceId", "externalId");

-- CreateIndex
CREATE INDEX "Note_accountId_occurredAt_idx" ON "Note"("accountId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "Note_workspaceId_occurredAt_idx" ON "Note"("workspaceId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Note_workspaceId_id_key" ON "Note"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Note_workspaceId_source_sourceChannel_sourceMessageId_key" ON "Note"("workspaceId", "source", "sourceChannel", "sourceMessageId");

-- CreateIndex
CREATE INDEX "NoteTag_workspaceId_tag_idx" ON "NoteTag"("workspaceId", "tag");

-- CreateIndex
CREATE INDEX "Task_workspaceId_assigneeId_dueAt_idx" ON "Task"("workspaceId", "assigneeId", "dueAt");

-- CreateIndex
CREATE INDEX "Task_workspaceId_accountId_doneAt_idx" ON "Task"("workspaceId", "accountId", "doneAt");

-- CreateIndex
CREATE INDEX "Task_workspaceId_dueAt_idx" ON "Task"("workspaceId", "dueAt");

-- CreateIndex
CREATE INDEX "HealthSnapshot_workspaceId_periodKey_idx" ON "HealthSnapshot"("workspaceId", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "HealthSnapshot_accountId_periodKey_key" ON "HealthSnapshot"("accountId", "periodKey");

-- CreateIndex
CREATE INDEX "DigestSubscription_workspaceId_platform_channelId_idx" ON "DigestSubscription"("workspaceId", "platform", "channelId");

-- CreateIndex
CREATE UNIQUE INDEX "DigestSubscription_workspaceId_id_key" ON "DigestSubscription"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "DigestRun_workspaceId_status_idx" ON "DigestRun"("workspaceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_subscriptionId_periodKey_key" ON "DigestRun"("subscriptionId", "periodKey");

-- CreateIndex
CREATE INDEX "ChannelLink_workspaceId_accountId_idx" ON "ChannelLink"("workspaceId", "accountId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelLink_workspaceId_platform_channelId_key" ON "ChannelLink"("workspaceId", "platform", "channelId");

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_entity_entityId_idx" ON "AuditEvent"("workspaceId", "entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_createdAt_idx" ON "AuditEvent"("workspaceId", "createdAt");

-- Full-text search (src/store/search-index-sql.ts)
CREATE VIRTUAL TABLE "account_fts" USING fts5("name", "key", "aliases", "sector", "country", content='Account', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER "account_fts_after_insert" AFTER INSERT ON "Account" BEGIN
    INSERT INTO "account_fts" (rowid, "name", "key", "aliases", "sector", "country") VALUES (new."id", new."name", new."key", new."aliases", new."sector", new."country");
END;
CREATE TRIGGER "account_fts_after_delete" AFTER DELETE ON "Account" BEGIN
    INSERT INTO "account_fts" ("account_fts", rowid, "name", "key", "aliases", "sector", "country") VALUES ('delete', old."id", old."name", old."key", old."aliases", old."sector", old."country");
END;
CREATE TRIGGER "account_fts_after_update" AFTER UPDATE OF "name", "key", "aliases", "sector", "country" ON "Account" BEGIN
    INSERT INTO "account_fts" ("account_fts", rowid, "name", "key", "aliases", "sector", "country") VALUES ('delete', old."id", old."name", old."key", old."aliases", old."sector", old."country");
    INSERT INTO "account_fts" (rowid, "name", "key", "aliases", "sector", "country") VALUES (new."id", new."name", new."key", new."aliases", new."sector", new."country");
END;
INSERT INTO "account_fts" ("account_fts") VALUES ('rebuild');

CREATE VIRTUAL TABLE "contact_fts" USING fts5("name", "title", "email", content='Contact', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER "contact_fts_after_insert" AFTER INSERT ON "Contact" BEGIN
    INSERT INTO "contact_fts" (rowid, "name", "title", "email") VALUES (new."id", new."name", new."title", new."email");
END;
CREATE TRIGGER "contact_fts_after_delete" AFTER DELETE ON "Contact" BEGIN
    INSERT INTO "contact_fts" ("contact_fts", rowid, "name", "title", "email") VALUES ('delete', old."id", old."name", old."title", old."email");
END;
CREATE TRIGGER "contact_fts_after_update" AFTER UPDATE OF "name", "title", "email" ON "Contact" BEGIN
    INSERT INTO "contact_fts" ("contact_fts", rowid, "name", "title", "email") VALUES ('delete', old."id", old."name", old."title", old."email");
    INSERT INTO "contact_fts" (rowid, "name", "title", "email") VALUES (new."id", new."name", new."title", new."email");
END;
INSERT INTO "contact_fts" ("contact_fts") VALUES ('rebuild');

CREATE VIRTUAL TABLE "note_fts" USING fts5("body", content='Note', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER "note_fts_after_insert" AFTER INSERT ON "Note" BEGIN
    INSERT INTO "note_fts" (rowid, "body") VALUES (new."id", new."body");
END;
CREATE TRIGGER "note_fts_after_delete" AFTER DELETE ON "Note" BEGIN
    INSERT INTO "note_fts" ("note_fts", rowid, "body") VALUES ('delete', old."id", old."body");
END;
CREATE TRIGGER "note_fts_after_update" AFTER UPDATE OF "body" ON "Note" BEGIN
    INSERT INTO "note_fts" ("note_fts", rowid, "body") VALUES ('delete', old."id", old."body");
    INSERT INTO "note_fts" (rowid, "body") VALUES (new."id", new."body");
END;
INSERT INTO "note_fts" ("note_fts") VALUES ('rebuild');
