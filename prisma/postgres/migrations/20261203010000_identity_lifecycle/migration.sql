-- AlterTable
ALTER TABLE "IdentityUser" ADD COLUMN     "defaultProjectId" TEXT,
ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "email" TEXT,
ADD COLUMN     "enabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "IdentityProject" ADD COLUMN     "enabled" BOOLEAN NOT NULL DEFAULT true;

