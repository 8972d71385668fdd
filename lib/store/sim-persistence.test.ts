import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./client";
import { MIGRATIONS_DIR, runMigrations } from "./migrate";
import { PrismaSimPersistence } from "./sim-persistence";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-sim-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("PrismaSimPersistence", () => {
  it("stores upserts, applies deletes, and loads the rows back in a new client", async () => {
    const url = `file:${path.join(dir, "sim.db")}`;
    const prisma = await createPrismaClient(url);
    await runMigrations(prisma, MIGRATIONS_DIR);
    const persistence = new PrismaSimPersistence(prisma);
    expect(await persistence.load()).toEqual([]);
    const server = { region: "RegionOne", kind: "server" as const, id: "s1", data: { name: "a", portIds: ["p1"], seq: 1 } };
    const region = { region: "RegionTwo", kind: "region" as const, id: "RegionTwo", data: { online: true, counter: 3 } };
    await persistence.save({ upserts: [server, region], deletes: [] });
    await persistence.save({ upserts: [{ ...server, data: { name: "b", portIds: [], seq: 1 } }], deletes: [{ region: "RegionTwo", kind: "region", id: "RegionTwo" }] });
    await prisma.$disconnect();

    const again = await createPrismaClient(url);
    const rows = await new PrismaSimPersistence(again).load();
    await again.$disconnect();
    expect(rows).toEqual([{ ...server, data: { name: "b", portIds: [], seq: 1 } }]);
  });
});
