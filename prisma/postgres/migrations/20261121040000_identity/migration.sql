-- CreateTable
CREATE TABLE "IdentityUser" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TEXT NOT NULL,

    CONSTRAINT "IdentityUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityProject" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "createdAt" TEXT NOT NULL,

    CONSTRAINT "IdentityProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityRole" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "IdentityRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleAssignment" (
    "userId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,

    CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("userId","projectId","roleId")
);

-- CreateTable
CREATE TABLE "IdentityToken" (
    "hash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "projectId" TEXT,
    "issuedAt" TEXT NOT NULL,
    "expiresAt" TEXT NOT NULL,
    "revokedAt" TEXT,

    CONSTRAINT "IdentityToken_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE UNIQUE INDEX "IdentityUser_name_key" ON "IdentityUser"("name");

-- CreateIndex
CREATE UNIQUE INDEX "IdentityProject_name_key" ON "IdentityProject"("name");

-- CreateIndex
CREATE UNIQUE INDEX "IdentityRole_name_key" ON "IdentityRole"("name");

-- CreateIndex
CREATE INDEX "RoleAssignment_projectId_idx" ON "RoleAssignment"("projectId");

-- CreateIndex
CREATE INDEX "IdentityToken_expiresAt_idx" ON "IdentityToken"("expiresAt");

