-- Per-row versioned transactions of the simulated cloud (docs/cloud-concurrency.md): each row keeps the
-- CloudSync version of the transaction that wrote it, a delete leaves a tombstone, and CloudSync.floor
-- says up to which version tombstones were pruned.
-- AlterTable
ALTER TABLE "CloudRow" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "CloudRow" ADD COLUMN "deleted" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "CloudSync" ADD COLUMN "floor" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "CloudRow_version_idx" ON "CloudRow"("version");

-- The one counter row every transaction locks; rows written before this migration are version 0,
-- which a process's first load reads anyway. The revision row of the old write-behind goes.
INSERT INTO "CloudSync" ("id", "version", "writer") SELECT 1, 0, '' WHERE NOT EXISTS (SELECT 1 FROM "CloudSync" WHERE "id" = 1);
DELETE FROM "CloudRow" WHERE "kind" = 'revision';
