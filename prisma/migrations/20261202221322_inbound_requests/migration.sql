-- CreateTable
CREATE TABLE "InboundRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "deliveryKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "retryAt" DATETIME,
    "error" TEXT,
    "receivedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    CONSTRAINT "InboundRequest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "InboundRequest_status_retryAt_idx" ON "InboundRequest"("status", "retryAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboundRequest_workspaceId_platform_deliveryKey_key" ON "InboundRequest"("workspaceId", "platform", "deliveryKey");
