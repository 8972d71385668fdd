import { describe, expect, it } from "vitest";
import { createSqlDriver, databaseKind, redactedUrl } from "./client";
import { createPrismaClient } from "./prisma-client";
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
    expect(databaseKind("postgres://u@h/db")).toBe("postgres");
    expect(() => databaseKind("mysql://x")).toThrow(/unsupported DATABASE_URL "mysql:\/\/x"/);
    expect(() => databaseKind("mysql://x")).toThrow(expect.objectContaining({ code: "UnsupportedDatabase" }));
    await expect(createSqlDriver("mysql://x")).rejects.toMatchObject({ code: "UnsupportedDatabase" });
  });
});

describe("createSqlDriver", () => {
  it("opens SQLite files in WAL mode with synchronous=NORMAL", async () => {
    const file = tempDatabaseFile();
    const driver = await createSqlDriver(file.url);
    try {
      expect(await driver.query("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
      expect(await driver.query("PRAGMA synchronous")).toEqual([{ synchronous: 1 }]);
    } finally {
      await driver.close();
      file.remove();
    }
  });

  it("says in one line, without the password, that a PostgreSQL server cannot be reached", async () => {
    const failure = createSqlDriver("postgresql://hearth:secret@127.0.0.1:1/hearth");
    await expect(failure).rejects.toMatchObject({ code: "DatabaseUnreachable" });
    const message = await failure.then(() => "opened", (error: Error) => error.message);
    expect(message).toMatch(/^cannot use the PostgreSQL database postgresql:\/\/hearth:\*\*\*@127\.0\.0\.1:1\/hearth: .*ECONNREFUSED/);
    expect(message).not.toContain("secret");
    expect(message).not.toContain("\n");
  });

  it("hides only the password of a URL", () => {
    expect(redactedUrl("postgresql://u:p@h:5432/db")).toBe("postgresql://u:***@h:5432/db");
    expect(redactedUrl("postgresql://u@h/db")).toBe("postgresql://u@h/db");
  });
});
