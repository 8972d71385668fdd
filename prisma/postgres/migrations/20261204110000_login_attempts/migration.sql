-- CreateTable
CREATE TABLE "LoginFailures" (
    "key" TEXT NOT NULL,
    "times" TEXT NOT NULL,
    "lastAt" BIGINT NOT NULL,

    CONSTRAINT "LoginFailures_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "LoginFailures_lastAt_idx" ON "LoginFailures"("lastAt");

