-- CreateIndex
CREATE INDEX "Account_workspaceId_updatedAt_idx" ON "Account"("workspaceId", "updatedAt");
