import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createSqlDriver } from "./client";
import { MIGRATIONS_DIRS, runMigrations, splitStatements } from "./migrate";
import { SqlStackStore } from "./sql-stack-store";
import { describeStackStoreContract } from "./stack-store.contract";
import { startTestPostgres } from "./testing/postgres";
import { createTempDatabase } from "./testing/temp-database";

const execFileAsync = promisify(execFile);
const CONTENDER = path.join(import.meta.dirname, "lock-contender.fixture.ts");
const postgres = await startTestPostgres();
afterAll(() => postgres?.stop());

const event = (stackId: string) => ({
  stackId, stackName: "s", resourceName: "s", physicalResourceId: null, resourceType: "OS::Heat::Stack",
  isStackEvent: true, action: "CREATE" as const, status: "IN_PROGRESS" as const, reason: "", time: "t",
});

/** A migrations folder holding `migrations` (name -> SQL). */
function migrationsFolder(migrations: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-migrations-"));
  for (const [name, sql] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

for (const kind of ["SQLite", "PostgreSQL"] as const) {
  const server = kind === "PostgreSQL" ? postgres : undefined;
  const skip = kind === "PostgreSQL" && !postgres;
  const temp = () => createTempDatabase("hearth-test-", server);

  describe.skipIf(skip)(`SqlStackStore on ${kind}`, () => {
    describeStackStoreContract(`SqlStackStore (${kind})`, async (now) => {
      const db = await temp();
      return { store: new SqlStackStore(db.driver, { now }), close: db.cleanup };
    });

    it("gives each contended lock to exactly one of two processes", async () => {
      const db = await temp();
      try {
        const startAt = String(Date.now() + 1500);
        const contender = (owner: string) =>
          execFileAsync(process.execPath, ["--import", "tsx", CONTENDER, db.url, owner, "40", startAt], { cwd: process.cwd() });
        const [a, b] = await Promise.all([contender("engine-a"), contender("engine-b")]);
        const wonA: string[] = JSON.parse(a.stdout);
        const wonB: string[] = JSON.parse(b.stdout);
        expect([...wonA, ...wonB].sort()).toEqual(Array.from({ length: 40 }, (_, i) => `stack-${i}`).sort());
        expect(wonA.filter((id) => wonB.includes(id))).toEqual([]);
        const lock = await new SqlStackStore(db.driver).getLock(wonA[0] ?? wonB[0]);
        expect(lock?.owner).toBe(wonA.length ? "engine-a" : "engine-b");
      } finally {
        await db.cleanup();
      }
    });

    it("sees events appended by another connection in sequence order", async () => {
      const db = await temp();
      const other = await createSqlDriver(db.url);
      const storeA = new SqlStackStore(db.driver);
      const storeB = new SqlStackStore(other);
      try {
        const first = await storeA.appendEvent(event("x"));
        const second = await storeB.appendEvent(event("y"));
        expect((await storeA.eventsAfter(0, 10)).map((e) => e.seq)).toEqual([first.seq, second.seq]);
        expect(await storeB.lastEventSeq()).toBe(second.seq);
        // a stack's own last event (the cursor the CLI takes before a delete or update)
        expect([await storeB.lastEventSeq("x"), await storeA.lastEventSeq("y"), await storeA.lastEventSeq("none")]).toEqual([first.seq, second.seq, 0]);
      } finally {
        await other.close();
        await db.cleanup();
      }
    });

    it("commits concurrent units in one batch, each refused alone when its stack is gone", async () => {
      const db = await temp();
      try {
        const store = new SqlStackStore(db.driver);
        const results = await Promise.allSettled([
          store.commit({ events: [event("a")] }),
          store.commit({ stack: { id: "missing", patch: { status: "FAILED" } }, events: [event("missing")] }),
          store.commit({ events: [event("b")] }),
        ]);
        expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
        expect((await store.eventsAfter(0, 10)).map((e) => e.stackId)).toEqual(["a", "b"]);
      } finally {
        await db.cleanup();
      }
    });

    it("applies each migration once and records it as Prisma does", async () => {
      const db = await temp();
      try {
        const dir = MIGRATIONS_DIRS[db.driver.dialect];
        expect(await runMigrations(db.driver, dir)).toEqual([]);
        const rows = await db.driver.query<{ migration_name: string; checksum: string }>('SELECT "migration_name", "checksum" FROM "_prisma_migrations" ORDER BY "migration_name"');
        expect(rows.map((r) => r.migration_name)).toEqual(fs.readdirSync(dir).filter((n) => !n.endsWith(".toml")).sort());
        expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
      } finally {
        await db.cleanup();
      }
    });

    it("checks an up-to-date database with one read: no write transaction, no script read", async () => {
      const db = await temp();
      const dir = migrationsFolder({ "1_table": 'CREATE TABLE "Checked" ("x" TEXT);\n' });
      try {
        expect(await runMigrations(db.driver, dir)).toEqual(["1_table"]);
        const writes = vi.spyOn(db.driver, "transaction");
        // a script edited after it was applied is not read again (Prisma would flag its checksum; starts do not)
        fs.writeFileSync(path.join(dir, "1_table", "migration.sql"), "this is not SQL;\n");
        expect(await runMigrations(db.driver, dir)).toEqual([]);
        expect(writes).not.toHaveBeenCalled();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
        await db.cleanup();
      }
    });

    it("leaves nothing of a failing migration behind", async () => {
      const db = await temp();
      const dir = migrationsFolder({ "1_broken": 'CREATE TABLE "Half" ("x" TEXT);\nINSERT INTO "Nowhere" VALUES (1);\n' });
      try {
        await expect(runMigrations(db.driver, dir)).rejects.toMatchObject({ code: "MigrationFailed", message: expect.stringMatching(/1_broken failed/) });
        const half = db.driver.dialect === "sqlite" ? "SELECT name FROM sqlite_master WHERE name = 'Half'" : "SELECT tablename FROM pg_tables WHERE tablename = 'Half'";
        expect(await db.driver.query(half)).toEqual([]);
        expect(await db.driver.query(`SELECT 1 FROM "_prisma_migrations" WHERE "migration_name" = '1_broken'`)).toEqual([]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
        await db.cleanup();
      }
    });

    it("applies a migration once when two runners start together", async () => {
      const db = await temp();
      const other = await createSqlDriver(db.url);
      const dir = migrationsFolder({ "1_table": 'CREATE TABLE "Once" ("x" TEXT);\n' });
      try {
        const [a, b] = await Promise.all([runMigrations(db.driver, dir), runMigrations(other, dir)]);
        expect([...a, ...b]).toEqual(["1_table"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
        await other.close();
        await db.cleanup();
      }
    });
  });
}

describe("the migration history", () => {
  it("carries a SQLite database's old _hearth_migrations names over instead of applying them again", async () => {
    const db = await createTempDatabase();
    try {
      const names = (await db.driver.query<{ migration_name: string }>('SELECT "migration_name" FROM "_prisma_migrations"')).map((r) => r.migration_name);
      await db.driver.transaction(async (tx) => {
        await tx.run('DELETE FROM "_prisma_migrations"');
        await tx.run('CREATE TABLE "_hearth_migrations" ("name" TEXT NOT NULL PRIMARY KEY, "appliedAt" TEXT NOT NULL)');
        for (const name of names) await tx.run('INSERT INTO "_hearth_migrations" VALUES (?, ?)', [name, "t"]);
      });
      expect(await runMigrations(db.driver, MIGRATIONS_DIRS.sqlite)).toEqual([]);
      expect((await db.driver.query('SELECT 1 FROM "_prisma_migrations"')).length).toBe(names.length);
    } finally {
      await db.cleanup();
    }
  });

  it("splits a script into statements without comments", () => {
    const sql = '-- CreateTable\nCREATE TABLE "A" (\n  "x" TEXT\n);\n\n-- CreateIndex\nCREATE INDEX "i" ON "A"("x");\n';
    expect(splitStatements(sql)).toEqual(['CREATE TABLE "A" (\n  "x" TEXT\n)', 'CREATE INDEX "i" ON "A"("x")']);
  });
});

describe("SqlStackStore.appendEvent", () => {
  it("lets the event loop reach I/O and timers before a write is answered (the SQLite driver alone never would)", async () => {
    const db = await createTempDatabase();
    try {
      const store = new SqlStackStore(db.driver);
      let turned = false;
      setImmediate(() => {
        turned = true;
      });
      await store.appendEvent(event("s"));
      expect(turned).toBe(true);
    } finally {
      await db.cleanup();
    }
  });
});
