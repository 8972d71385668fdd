-- CreateIndex
CREATE INDEX "Resource_type_stackId_idx" ON "Resource"("type", "stackId");
