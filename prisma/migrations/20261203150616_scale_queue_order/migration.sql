-- CreateIndex
CREATE INDEX "Disclosure_status_submittedAt_idx" ON "Disclosure"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "Disclosure_status_approvedAt_idx" ON "Disclosure"("status", "approvedAt");

