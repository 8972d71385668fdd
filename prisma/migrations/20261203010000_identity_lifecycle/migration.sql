-- Users and projects can be disabled (no login), and users keep a default project, a description and an
-- email, as Keystone's do (the OS::Keystone::* resource types manage them).
ALTER TABLE "IdentityUser" ADD COLUMN "enabled" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "IdentityUser" ADD COLUMN "defaultProjectId" TEXT;
ALTER TABLE "IdentityUser" ADD COLUMN "description" TEXT NOT NULL DEFAULT '';
ALTER TABLE "IdentityUser" ADD COLUMN "email" TEXT;
ALTER TABLE "IdentityProject" ADD COLUMN "enabled" BOOLEAN NOT NULL DEFAULT true;
