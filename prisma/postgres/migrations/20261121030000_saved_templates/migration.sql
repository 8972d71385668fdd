-- CreateTable
CREATE TABLE "SavedTemplate" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TEXT NOT NULL,

    CONSTRAINT "SavedTemplate_pkey" PRIMARY KEY ("id","version")
);

-- CreateIndex
CREATE INDEX "SavedTemplate_name_idx" ON "SavedTemplate"("name");

