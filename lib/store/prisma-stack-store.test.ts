import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient, type HearthPrisma } from "./client";
import { MIGRATIONS_DIR, runMigrations } from "./migrate";
import { PrismaStackStore } from "./prisma-stack-store";
import { describeStackStoreContract } from "./stack-store.contract";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-store-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let counter = 0;
const execFileAsync = promisify(execFile);
const CONTENDER = path.join(import.meta.dirname, "lock-contender.fixture.ts");

/** A migrated, empty SQLite database in this test file's temp folder. */
async function freshDatabase(): Promise<{ prisma: HearthPrisma; url: string }> {
  const url = `file:${path.join(dir, `db-${++counter}.db`)}`;
  const prisma = await createPrismaClient(url);
  await runMigrations(prisma, MIGRATIONS_DIR);
  return { prisma, url };
}

describeStackStoreContract("PrismaStackStore (SQLite)", async (now) => {
  const { prisma } = await freshDatabase();
  return { store: new PrismaStackStore(prisma, { now }), close: () => prisma.$disconnect() };
});

describe("PrismaStackStore across processes sharing one SQLite file", () => {
  it("gives each contended lock to exactly one of two processes", async () => {
    const { prisma, url } = await freshDatabase();
    await prisma.$disconnect();
    const startAt = String(Date.now() + 1500);
    const contender = (owner: string) =>
      execFileAsync(process.execPath, ["--import", "tsx", CONTENDER, url, owner, "40", startAt], { cwd: process.cwd() });
    const [a, b] = await Promise.all([contender("engine-a"), contender("engine-b")]);
    const wonA: string[] = JSON.parse(a.stdout);
    const wonB: string[] = JSON.parse(b.stdout);
    expect([...wonA, ...wonB].sort()).toEqual(Array.from({ length: 40 }, (_, i) => `stack-${i}`).sort());
    expect(wonA.filter((id) => wonB.includes(id))).toEqual([]);
    const reader = await createPrismaClient(url);
    const lock = await new PrismaStackStore(reader).getLock(wonA[0] ?? wonB[0]);
    await reader.$disconnect();
    expect(lock?.owner).toBe(wonA.length ? "engine-a" : "engine-b");
  });

  it("sees events appended by the other store in sequence order", async () => {
    const { prisma: a, url } = await freshDatabase();
    const b = await createPrismaClient(url);
    const storeA = new PrismaStackStore(a);
    const storeB = new PrismaStackStore(b);
    try {
      const base = { stackName: "s", resourceName: "s", physicalResourceId: null, resourceType: "OS::Heat::Stack", isStackEvent: true, action: "CREATE" as const, status: "IN_PROGRESS" as const, reason: "", time: "t" };
      const first = await storeA.appendEvent({ ...base, stackId: "x" });
      const second = await storeB.appendEvent({ ...base, stackId: "y" });
      expect((await storeA.eventsAfter(0, 10)).map((e) => e.seq)).toEqual([first.seq, second.seq]);
      expect(await storeB.lastEventSeq()).toBe(second.seq);
    } finally {
      await a.$disconnect();
      await b.$disconnect();
    }
  });
});

describe("runMigrations", () => {
  it("applies each migration once and records it", async () => {
    const { prisma } = await freshDatabase();
    try {
      expect(await runMigrations(prisma, MIGRATIONS_DIR)).toEqual([]);
      const rows = await prisma.$queryRawUnsafe<{ name: string }[]>('SELECT "name" FROM "_hearth_migrations"');
      expect(rows.map((r) => r.name)).toEqual(fs.readdirSync(MIGRATIONS_DIR).filter((n) => !n.endsWith(".toml")).sort());
    } finally {
      await prisma.$disconnect();
    }
  });
});
