import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "./client";
import { MIGRATIONS_DIR, runMigrations, splitStatements } from "./migrate";
import { PrismaStackStore } from "./prisma-stack-store";
import { describeStackStoreContract } from "./stack-store.contract";
import { createTempDatabase } from "./testing/temp-database";

const execFileAsync = promisify(execFile);
const CONTENDER = path.join(import.meta.dirname, "lock-contender.fixture.ts");

describeStackStoreContract("PrismaStackStore (SQLite)", async (now) => {
  const db = await createTempDatabase();
  return { store: new PrismaStackStore(db.prisma, { now }), close: db.cleanup };
});

describe("PrismaStackStore across processes sharing one SQLite file", () => {
  it("gives each contended lock to exactly one of two processes", async () => {
    const db = await createTempDatabase();
    try {
      const startAt = String(Date.now() + 1500);
      const contender = (owner: string) =>
        execFileAsync(process.execPath, ["--import", "tsx", CONTENDER, db.url, owner, "40", startAt], { cwd: process.cwd() });
      const [a, b] = await Promise.all([contender("engine-a"), contender("engine-b")]);
      const wonA: string[] = JSON.parse(a.stdout);
      const wonB: string[] = JSON.parse(b.stdout);
      expect([...wonA, ...wonB].sort()).toEqual(Array.from({ length: 40 }, (_, i) => `stack-${i}`).sort());
      expect(wonA.filter((id) => wonB.includes(id))).toEqual([]);
      const lock = await new PrismaStackStore(db.prisma).getLock(wonA[0] ?? wonB[0]);
      expect(lock?.owner).toBe(wonA.length ? "engine-a" : "engine-b");
    } finally {
      await db.cleanup();
    }
  });

  it("sees events appended by the other store in sequence order", async () => {
    const db = await createTempDatabase();
    const b = await createPrismaClient(db.url);
    const storeA = new PrismaStackStore(db.prisma);
    const storeB = new PrismaStackStore(b);
    try {
      const base = { stackName: "s", resourceName: "s", physicalResourceId: null, resourceType: "OS::Heat::Stack", isStackEvent: true, action: "CREATE" as const, status: "IN_PROGRESS" as const, reason: "", time: "t" };
      const first = await storeA.appendEvent({ ...base, stackId: "x" });
      const second = await storeB.appendEvent({ ...base, stackId: "y" });
      expect((await storeA.eventsAfter(0, 10)).map((e) => e.seq)).toEqual([first.seq, second.seq]);
      expect(await storeB.lastEventSeq()).toBe(second.seq);
    } finally {
      await b.$disconnect();
      await db.cleanup();
    }
  });
});

describe("runMigrations", () => {
  it("applies each migration once and records it", async () => {
    const db = await createTempDatabase();
    try {
      expect(await runMigrations(db.prisma, MIGRATIONS_DIR)).toEqual([]);
      const rows = await db.prisma.$queryRawUnsafe<{ name: string }[]>('SELECT "name" FROM "_hearth_migrations"');
      expect(rows.map((r) => r.name)).toEqual(fs.readdirSync(MIGRATIONS_DIR).filter((n) => !n.endsWith(".toml")).sort());
    } finally {
      await db.cleanup();
    }
  });

  it("splits a script into statements without comments", () => {
    const sql = '-- CreateTable\nCREATE TABLE "A" (\n  "x" TEXT\n);\n\n-- CreateIndex\nCREATE INDEX "i" ON "A"("x");\n';
    expect(splitStatements(sql)).toEqual(['CREATE TABLE "A" (\n  "x" TEXT\n)', 'CREATE INDEX "i" ON "A"("x")']);
  });
});

describe("PrismaStackStore.appendEvent", () => {
  it("lets the event loop reach I/O and timers once per event (the SQLite driver alone never would)", async () => {
    const db = await createTempDatabase();
    try {
      const store = new PrismaStackStore(db.prisma);
      let turned = false;
      setImmediate(() => {
        turned = true;
      });
      await store.appendEvent({
        stackId: "s", stackName: "s", resourceName: "r", physicalResourceId: null, resourceType: "T",
        isStackEvent: false, action: "CREATE", status: "COMPLETE", reason: "", time: "t",
      });
      expect(turned).toBe(true);
    } finally {
      await db.cleanup();
    }
  });
});
