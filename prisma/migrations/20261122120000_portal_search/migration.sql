-- Public portal search (docs/decisions/008-portal-caching-and-search.md).
-- Chinese has no word boundaries and PostgreSQL ships no Chinese text-search parser, so the portal
-- searches by substring (ILIKE '%term%'). the GIN indexes of pg_trgm serve those filters, with the
-- database UTF-8 ctype, CJK characters form trigrams like letters do. Not expressed in
-- schema.prisma (Prisma cannot model trigram indexes) and `prisma migrate diff` between two schemas
-- does not see them, so later migrations leave them alone.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX IF NOT EXISTS "Department_name_trgm_idx" ON "Department" USING gin ("name" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "Project_name_trgm_idx" ON "Project" USING gin ("name" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "Disclosure_notes_trgm_idx" ON "Disclosure" USING gin (("notes"::text) gin_trgm_ops);
