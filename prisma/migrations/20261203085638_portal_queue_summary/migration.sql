-- CreateTable
CREATE TABLE "QueueSummary" (
    "disclosureId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "summary" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QueueSummary_pkey" PRIMARY KEY ("disclosureId")
);

