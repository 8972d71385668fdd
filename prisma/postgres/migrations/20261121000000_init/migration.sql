-- CreateTable
CREATE TABLE "Stack" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "parentId" TEXT,
    "parentResource" TEXT,
    "region" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "statusReason" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "templateName" TEXT,
    "environments" JSONB NOT NULL,
    "files" JSONB NOT NULL,
    "parameters" JSONB NOT NULL,
    "previous" JSONB,
    "disableRollback" BOOLEAN NOT NULL,
    "timeoutMins" INTEGER,
    "outputs" JSONB NOT NULL,
    "tags" JSONB NOT NULL,
    "generation" INTEGER NOT NULL,
    "createdAt" TEXT NOT NULL,
    "updatedAt" TEXT,
    "deletedAt" TEXT,

    CONSTRAINT "Stack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Resource" (
    "id" TEXT NOT NULL,
    "stackId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "physicalId" TEXT,
    "action" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "statusReason" TEXT NOT NULL,
    "properties" JSONB NOT NULL,
    "attributes" JSONB NOT NULL,
    "data" JSONB NOT NULL,
    "nestedStackId" TEXT,
    "unhealthy" BOOLEAN NOT NULL,
    "replacedBy" TEXT,
    "createdAt" TEXT NOT NULL,
    "updatedAt" TEXT,

    CONSTRAINT "Resource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "seq" SERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "stackId" TEXT NOT NULL,
    "stackName" TEXT NOT NULL,
    "resourceName" TEXT NOT NULL,
    "physicalResourceId" TEXT,
    "resourceType" TEXT NOT NULL,
    "isStackEvent" BOOLEAN NOT NULL,
    "action" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "time" TEXT NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "StackLock" (
    "stackId" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "expiresAt" BIGINT NOT NULL,

    CONSTRAINT "StackLock_pkey" PRIMARY KEY ("stackId")
);

-- CreateTable
CREATE TABLE "CloudRow" (
    "region" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "CloudRow_pkey" PRIMARY KEY ("region","kind","id")
);

-- CreateIndex
CREATE INDEX "Stack_projectId_name_idx" ON "Stack"("projectId", "name");

-- CreateIndex
CREATE INDEX "Stack_parentId_idx" ON "Stack"("parentId");

-- CreateIndex
CREATE INDEX "Resource_stackId_idx" ON "Resource"("stackId");

-- CreateIndex
CREATE UNIQUE INDEX "Event_id_key" ON "Event"("id");

-- CreateIndex
CREATE INDEX "Event_stackId_seq_idx" ON "Event"("stackId", "seq");

-- CreateIndex
CREATE INDEX "StackLock_expiresAt_idx" ON "StackLock"("expiresAt");

