import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { IdentityStore } from "../store/ports";
import { createPrismaClient } from "../store/prisma-client";
import { openTempDatabase, tempDatabaseFile, type TempPorts } from "../store/testing/temp-database";
import { bootstrapOnFirstStart } from "./first-start";
import { createIdentity } from "./identity";
import { createHearth } from "./index";

// counts the Prisma clients made, so a test can tell whether a start loaded Prisma at all
vi.mock(import("../store/prisma-client"), async (original) => {
  const actual = await original();
  return { ...actual, createPrismaClient: vi.fn(actual.createPrismaClient) };
});

/** `store` with the name of every member called recorded in `calls`. */
function counting(store: IdentityStore, calls: string[]): IdentityStore {
  return new Proxy(store, {
    get(target, member, receiver) {
      const value: unknown = Reflect.get(target, member, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => (calls.push(String(member)), Reflect.apply(value, target, args) as unknown);
    },
  });
}

describe("the identity bootstrap at start", () => {
  let db: TempPorts;
  beforeEach(async () => (db = await openTempDatabase()));
  afterEach(() => db.cleanup());

  it("bootstraps a fresh database; a later start only checks, with no identity query", async () => {
    const calls: string[] = [];
    const identity = createIdentity(counting(db.database.identity, calls), db.database.loginFailures);
    const options = { password: "pw", adminProjectId: "admin-project" };
    expect(await bootstrapOnFirstStart(identity, db.database, options)).toMatchObject({ adminProjectId: "admin-project" });
    expect(calls).toContain("addUser");
    calls.length = 0;
    expect(await bootstrapOnFirstStart(identity, db.database, options)).toBeUndefined();
    expect(calls).toEqual([]);
    // what the first start made is there and works
    const { info } = await identity.authenticate({ method: "password", user: "admin", password: "pw" }, { project: "demo" });
    expect(info.roles.map((r) => r.name)).toEqual(["admin"]);
  });

  it("runs the bootstrap again while a part of it is missing, and puts that part back", async () => {
    const identity = createIdentity(db.database.identity, db.database.loginFailures);
    const boot = (await bootstrapOnFirstStart(identity, db.database, { password: "pw", adminProjectId: "admin-project" }))!;
    const admin = (await db.database.identity.listRoles()).find((r) => r.name === "admin")!;
    await db.database.identity.unassign(boot.adminUserId, boot.demoProjectId, admin.id);
    const again = await bootstrapOnFirstStart(identity, db.database, { password: "other", adminProjectId: "admin-project" });
    expect(again).toMatchObject({ adminUserId: boot.adminUserId, demoProjectId: boot.demoProjectId, generatedPassword: undefined });
    expect((await db.database.identity.rolesOn(boot.adminUserId, boot.demoProjectId)).map((r) => r.name)).toEqual(["admin"]);
    expect(await bootstrapOnFirstStart(identity, db.database, { adminProjectId: "admin-project" })).toBeUndefined();
  });
});

describe("createHearth after the first start", () => {
  it("loads the Prisma client only when identity is called, not to start, create, list or delete", async () => {
    const file = tempDatabaseFile();
    const options = { databaseUrl: file.url, simSpeed: 0, pollIntervalMs: 10, owner: "first-start-test", bootstrapPassword: "pw", recover: false, haMonitor: false };
    const made = vi.mocked(createPrismaClient);
    made.mockClear();
    try {
      await (await createHearth(options)).close();
      expect(made).toHaveBeenCalledTimes(1); // the first start bootstraps identity through it
      made.mockClear();
      const hearth = await createHearth(options);
      try {
        const created = await (await hearth.create("plain", { template: "heat_template_version: 2018-08-31\nresources:\n  a: {type: OS::Heat::None}\n" })).done;
        expect(created.status).toBe("COMPLETE");
        expect((await hearth.listStacks()).map((s) => s.name)).toEqual(["plain"]);
        expect(await hearth.lastEventSeq("plain")).toBeGreaterThan(0);
        expect((await (await hearth.delete("plain")).done).status).toBe("COMPLETE");
        expect(made).not.toHaveBeenCalled();
        expect((await hearth.identity.listUsers()).map((u) => u.name)).toEqual(["admin"]);
        expect(made).toHaveBeenCalledTimes(1);
      } finally {
        await hearth.close();
      }
    } finally {
      file.remove();
    }
  });
});
