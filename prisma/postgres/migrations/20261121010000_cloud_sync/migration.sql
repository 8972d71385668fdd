-- CreateTable
CREATE TABLE "CloudSync" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "writer" TEXT NOT NULL,

    CONSTRAINT "CloudSync_pkey" PRIMARY KEY ("id")
);

