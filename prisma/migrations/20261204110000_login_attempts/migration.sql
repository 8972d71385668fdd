-- The login throttle's failure counts move from each process's memory into the database, so that
-- every console and engine process on one database shares one budget per user and per address.
-- CreateTable
CREATE TABLE "LoginFailures" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "times" TEXT NOT NULL,
    "lastAt" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "LoginFailures_lastAt_idx" ON "LoginFailures"("lastAt");
