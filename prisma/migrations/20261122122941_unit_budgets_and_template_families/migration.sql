-- DropIndex
DROP INDEX "Disclosure_departmentId_year_revision_key";

-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "templateFamily" TEXT;

-- AlterTable
ALTER TABLE "Disclosure" ADD COLUMN     "unitCode" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "unitId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Disclosure_departmentId_unitCode_year_revision_key" ON "Disclosure"("departmentId", "unitCode", "year", "revision");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

