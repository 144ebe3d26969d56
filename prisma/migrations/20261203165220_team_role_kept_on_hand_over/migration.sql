-- AlterTable
ALTER TABLE "AccountMember" ADD COLUMN "roleBeforeOwner" TEXT;
