-- AlterTable
ALTER TABLE "Account" ADD COLUMN "mergedIntoId" INTEGER;

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN "leftAt" DATETIME;

-- AlterTable
ALTER TABLE "Note" ADD COLUMN "editedAt" DATETIME;
