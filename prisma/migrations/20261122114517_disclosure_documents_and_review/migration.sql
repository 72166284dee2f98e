-- AlterTable
ALTER TABLE "Disclosure" ADD COLUMN     "correctionNote" TEXT,
ADD COLUMN     "declaredTables" JSONB,
ADD COLUMN     "importedAt" TIMESTAMP(3),
ADD COLUMN     "importedFrom" TEXT,
ADD COLUMN     "notes" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'lines',
ADD COLUMN     "submittedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "GlossaryEntry" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GlossaryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PerformanceTarget" (
    "id" TEXT NOT NULL,
    "disclosureId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "projectCode" TEXT,
    "title" TEXT NOT NULL,
    "goals" JSONB NOT NULL DEFAULT '[]',
    "indicators" JSONB NOT NULL DEFAULT '[]',
    "fiscalFunds" DECIMAL(18,2),
    "otherFunds" DECIMAL(18,2),
    "purpose" TEXT,
    "spendingPlan" JSONB,
    "extra" JSONB,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PerformanceTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL,
    "disclosureId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "anchor" JSONB NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WarningAcknowledgement" (
    "id" TEXT NOT NULL,
    "disclosureId" TEXT NOT NULL,
    "findingKey" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WarningAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionSnapshot" (
    "id" TEXT NOT NULL,
    "disclosureId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "tables" JSONB NOT NULL,
    "notes" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryEntry_regionId_term_key" ON "GlossaryEntry"("regionId", "term");

-- CreateIndex
CREATE INDEX "PerformanceTarget_disclosureId_idx" ON "PerformanceTarget"("disclosureId");

-- CreateIndex
CREATE INDEX "ReviewComment_disclosureId_idx" ON "ReviewComment"("disclosureId");

-- CreateIndex
CREATE UNIQUE INDEX "WarningAcknowledgement_disclosureId_findingKey_key" ON "WarningAcknowledgement"("disclosureId", "findingKey");

-- CreateIndex
CREATE INDEX "SubmissionSnapshot_disclosureId_createdAt_idx" ON "SubmissionSnapshot"("disclosureId", "createdAt");

-- AddForeignKey
ALTER TABLE "GlossaryEntry" ADD CONSTRAINT "GlossaryEntry_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PerformanceTarget" ADD CONSTRAINT "PerformanceTarget_disclosureId_fkey" FOREIGN KEY ("disclosureId") REFERENCES "Disclosure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_disclosureId_fkey" FOREIGN KEY ("disclosureId") REFERENCES "Disclosure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WarningAcknowledgement" ADD CONSTRAINT "WarningAcknowledgement_disclosureId_fkey" FOREIGN KEY ("disclosureId") REFERENCES "Disclosure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WarningAcknowledgement" ADD CONSTRAINT "WarningAcknowledgement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionSnapshot" ADD CONSTRAINT "SubmissionSnapshot_disclosureId_fkey" FOREIGN KEY ("disclosureId") REFERENCES "Disclosure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

