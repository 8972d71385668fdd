import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type HearthPrisma } from "./client";
import { PrismaSimPersistence } from "./sim-persistence";
import { startTestPostgres } from "./testing/postgres";
import { createTempDatabase, type TempDatabase } from "./testing/temp-database";

const postgres = await startTestPostgres();
afterAll(() => postgres?.stop());

const server = { region: "RegionOne", kind: "server" as const, id: "s1", data: { name: "a", portIds: ["p1"], seq: 1 } };
const region = { region: "RegionTwo", kind: "region" as const, id: "RegionTwo", data: { online: true, counter: 3 } };

for (const kind of ["SQLite", "PostgreSQL"] as const) {
  describe.skipIf(kind === "PostgreSQL" && !postgres)(`PrismaSimPersistence on ${kind}`, () => {
    let db: TempDatabase;
    let other: HearthPrisma;
    beforeEach(async () => {
      db = await createTempDatabase("hearth-test-", kind === "PostgreSQL" ? postgres : undefined);
      other = await createPrismaClient(db.url);
    });
    afterEach(async () => {
      await other.$disconnect();
      await db.cleanup();
    });

    it("stores upserts, applies deletes, and loads the rows back in another client", async () => {
      const persistence = new PrismaSimPersistence(db.prisma, "a");
      expect(await persistence.load()).toEqual([]);
      await persistence.save({ upserts: [server, region], deletes: [] });
      await persistence.save({ upserts: [{ ...server, data: { name: "b", portIds: [], seq: 1 } }], deletes: [{ region: "RegionTwo", kind: "region", id: "RegionTwo" }] });
      expect(await new PrismaSimPersistence(other, "b").load()).toEqual([{ ...server, data: { name: "b", portIds: [], seq: 1 } }]);
    });

    it("notices changes saved by another process, not its own", async () => {
      const mine = new PrismaSimPersistence(db.prisma, "console");
      const theirs = new PrismaSimPersistence(other, "cli");
      await mine.load();
      await theirs.load();
      await mine.save({ upserts: [server], deletes: [] });
      expect(await mine.changedElsewhere()).toBe(false);
      expect(await theirs.changedElsewhere()).toBe(true);
      await theirs.load();
      expect(await theirs.changedElsewhere()).toBe(false);
      await theirs.save({ upserts: [region], deletes: [] });
      expect(await mine.changedElsewhere()).toBe(true);
      // Saving on top of someone else's change does not hide it.
      await mine.save({ upserts: [{ ...server, data: { seq: 2 } }], deletes: [] });
      expect(await mine.changedElsewhere()).toBe(true);
    });
  });
}
