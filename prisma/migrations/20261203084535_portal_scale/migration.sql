-- CreateTable
CREATE TABLE "PortalEntry" (
    "id" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "disclosureId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "regionId" TEXT NOT NULL,
    "departmentCode" TEXT NOT NULL,
    "departmentName" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "PortalEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalRegionYear" (
    "regionId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "departments" INTEGER NOT NULL,

    CONSTRAINT "PortalRegionYear_pkey" PRIMARY KEY ("regionId","year")
);

-- CreateTable
CREATE TABLE "PortalSearchText" (
    "id" BIGSERIAL NOT NULL,
    "entryId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "anchor" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "PortalSearchText_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PortalEntry_disclosureId_key" ON "PortalEntry"("disclosureId");

-- CreateIndex
CREATE INDEX "PortalEntry_regionId_year_departmentCode_idx" ON "PortalEntry"("regionId", "year", "departmentCode");

-- CreateIndex
CREATE INDEX "PortalEntry_publishedAt_idx" ON "PortalEntry"("publishedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "PortalEntry_departmentId_year_key" ON "PortalEntry"("departmentId", "year");

-- CreateIndex
CREATE INDEX "PortalSearchText_entryId_idx" ON "PortalSearchText"("entryId");


-- Search column (docs/decisions/013-portal-scale.md): a tsvector of the text's character bigrams, built by
-- the application (lib/portal/search-grams.ts), so that any two or more contiguous characters of Chinese
-- text are found through one GIN index. Not expressed in schema.prisma (Prisma cannot model tsvector).
ALTER TABLE "PortalSearchText" ADD COLUMN "tsv" tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX "PortalSearchText_tsv_idx" ON "PortalSearchText" USING gin ("tsv");
