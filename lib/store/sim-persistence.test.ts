import { describe, expect, it } from "vitest";
import { createPrismaClient } from "./client";
import { PrismaSimPersistence } from "./sim-persistence";
import { createTempDatabase } from "./testing/temp-database";

describe("PrismaSimPersistence", () => {
  it("stores upserts, applies deletes, and loads the rows back in a new client", async () => {
    const db = await createTempDatabase();
    const persistence = new PrismaSimPersistence(db.prisma);
    expect(await persistence.load()).toEqual([]);
    const server = { region: "RegionOne", kind: "server" as const, id: "s1", data: { name: "a", portIds: ["p1"], seq: 1 } };
    const region = { region: "RegionTwo", kind: "region" as const, id: "RegionTwo", data: { online: true, counter: 3 } };
    await persistence.save({ upserts: [server, region], deletes: [] });
    await persistence.save({ upserts: [{ ...server, data: { name: "b", portIds: [], seq: 1 } }], deletes: [{ region: "RegionTwo", kind: "region", id: "RegionTwo" }] });

    const again = await createPrismaClient(db.url);
    const rows = await new PrismaSimPersistence(again).load();
    await again.$disconnect();
    await db.cleanup();
    expect(rows).toEqual([{ ...server, data: { name: "b", portIds: [], seq: 1 } }]);
  });
});
