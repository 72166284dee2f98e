-- AlterTable
ALTER TABLE "Disclosure" ADD COLUMN     "extraTables" JSONB;

