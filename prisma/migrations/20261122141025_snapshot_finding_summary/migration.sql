-- AlterTable
ALTER TABLE "SubmissionSnapshot" ADD COLUMN     "findingSummary" JSONB;

