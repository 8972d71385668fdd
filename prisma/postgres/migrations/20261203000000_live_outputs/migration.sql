-- AlterTable
ALTER TABLE "Stack" DROP COLUMN "outputs";

