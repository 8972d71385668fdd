-- CreateTable
CREATE TABLE "CloudSync" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL,
    "writer" TEXT NOT NULL
);

