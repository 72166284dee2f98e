-- CreateIndex
CREATE INDEX "Region_province_code_idx" ON "Region"("province", "code");


-- The trigram indexes of migration portal_search (docs/decisions/008) served the ILIKE search that ADR 020
-- replaced with the bigram GIN index of PortalSearchText: nothing filters Disclosure.notes, Project.name or
-- Department.name by substring any more, and the notes index alone took a large share of the size of each published disclosure
-- (docs/decisions/020-portal-scale.md, addendum 3). Not in schema.prisma (Prisma cannot model them),
-- so dropped here by hand. The pg_trgm extension stays (harmless, and an older database may rely on it).
DROP INDEX IF EXISTS "Disclosure_notes_trgm_idx";
DROP INDEX IF EXISTS "Project_name_trgm_idx";
DROP INDEX IF EXISTS "Department_name_trgm_idx";
