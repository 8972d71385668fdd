-- CreateTable
CREATE TABLE "IdentityGroup" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TEXT NOT NULL,

    CONSTRAINT "IdentityGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupMembership" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "GroupMembership_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "GroupRoleAssignment" (
    "groupId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,

    CONSTRAINT "GroupRoleAssignment_pkey" PRIMARY KEY ("groupId","projectId","roleId")
);

-- CreateTable
CREATE TABLE "IdentityRecord" (
    "kind" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "createdAt" TEXT NOT NULL,

    CONSTRAINT "IdentityRecord_pkey" PRIMARY KEY ("kind","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IdentityGroup_name_key" ON "IdentityGroup"("name");

-- CreateIndex
CREATE INDEX "GroupMembership_userId_idx" ON "GroupMembership"("userId");

-- CreateIndex
CREATE INDEX "GroupRoleAssignment_projectId_idx" ON "GroupRoleAssignment"("projectId");

-- CreateIndex
CREATE INDEX "IdentityRecord_kind_name_idx" ON "IdentityRecord"("kind", "name");

