import { describe, expect, it } from "vitest";
import { createPrismaClient, databaseKind } from "./client";
import { tempDatabaseFile } from "./testing/temp-database";

describe("createPrismaClient", () => {
  it("opens SQLite files in WAL mode, creating their folder", async () => {
    const file = tempDatabaseFile();
    const prisma = await createPrismaClient(file.url.replace("hearth.db", "nested/dir/hearth.db"));
    try {
      const [{ journal_mode }] = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      expect(journal_mode).toBe("wal");
    } finally {
      await prisma.$disconnect();
      file.remove();
    }
  });

  it("tells which databases a URL names and refuses the unsupported ones clearly", async () => {
    expect(databaseKind("file:./data/hearth.db")).toBe("sqlite");
    expect(databaseKind("postgresql://u@h/db")).toBe("postgres");
    expect(() => databaseKind("mysql://x")).toThrow(/unsupported DATABASE_URL "mysql:\/\/x"/);
    expect(() => databaseKind("mysql://x")).toThrow(expect.objectContaining({ code: "UnsupportedDatabase" }));
    await expect(createPrismaClient("postgres://u@h/db")).rejects.toThrow(/PostgreSQL, which this build does not support yet/);
    await expect(createPrismaClient("postgres://u@h/db")).rejects.toMatchObject({ code: "UnsupportedDatabase" });
  });
});
