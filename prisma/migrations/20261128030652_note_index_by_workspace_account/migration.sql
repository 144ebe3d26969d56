-- DropIndex
DROP INDEX "Note_accountId_occurredAt_idx";

-- CreateIndex
CREATE INDEX "Note_workspaceId_accountId_occurredAt_idx" ON "Note"("workspaceId", "accountId", "occurredAt" DESC);
