-- Keystone groups (members hold the group's roles) and catalogue records (domains, services, endpoints,
-- regions), as the OS::Keystone::Group, GroupRoleAssignment, Domain, Service, Endpoint and Region types make them.
CREATE TABLE "IdentityGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IdentityGroup_name_key" ON "IdentityGroup"("name");

CREATE TABLE "GroupMembership" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    PRIMARY KEY ("groupId", "userId")
);
CREATE INDEX "GroupMembership_userId_idx" ON "GroupMembership"("userId");

CREATE TABLE "GroupRoleAssignment" (
    "groupId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    PRIMARY KEY ("groupId", "projectId", "roleId")
);
CREATE INDEX "GroupRoleAssignment_projectId_idx" ON "GroupRoleAssignment"("projectId");

CREATE TABLE "IdentityRecord" (
    "kind" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "createdAt" TEXT NOT NULL,
    PRIMARY KEY ("kind", "id")
);
CREATE INDEX "IdentityRecord_kind_name_idx" ON "IdentityRecord"("kind", "name");
