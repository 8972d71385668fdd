import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTempDatabase, type TempPorts } from "../store/testing/temp-database";
import { createIdentity, hashPassword, verifyPassword, type Identity } from "./identity";

let db: TempPorts;
let identity: Identity;
let clock = new Date("2026-11-21T10:00:00Z");

beforeEach(async () => {
  db = await openTempDatabase();
  clock = new Date("2026-11-21T10:00:00Z");
  identity = createIdentity(db.database.identity, db.database.loginFailures, { tokenTtlMs: 60_000, now: () => clock });
});
afterEach(() => db.cleanup());

describe("identity (Keystone subset)", () => {
  it("hashes passwords with scrypt and checks them", async () => {
    const stored = await hashPassword("s3cret");
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain("s3cret");
    expect(await verifyPassword("s3cret", stored)).toBe(true);
    expect(await verifyPassword("wrong", stored)).toBe(false);
  });

  it("bootstraps once: admin user, admin and demo projects; a generated password only when none is given", async () => {
    const first = await identity.bootstrap({ adminProjectId: "admin" });
    expect(first.generatedPassword).toMatch(/^[\w-]{16}$/);
    expect(first.adminProjectId).toBe("admin");
    const again = await identity.bootstrap({ adminProjectId: "admin" });
    expect(again.generatedPassword).toBeUndefined();
    expect(again.demoProjectId).toBe(first.demoProjectId);
    expect((await identity.listProjects()).map((p) => p.name)).toEqual(["admin", "demo"]);
    expect((await identity.listRoles()).map((r) => r.name)).toEqual(["admin", "member", "reader"]);
    const { info } = await identity.authenticate({ method: "password", user: "admin", password: first.generatedPassword! }, { project: "demo" });
    expect(info.project?.name).toBe("demo");
    expect(info.roles.map((r) => r.name)).toEqual(["admin"]);
  });

  it("issues, validates, rescopes by token, expires and revokes tokens", async () => {
    await identity.bootstrap({ password: "pw", adminProjectId: "admin" });
    await expect(identity.authenticate({ method: "password", user: "admin", password: "nope" })).rejects.toMatchObject({ code: "Unauthorized" });
    const unscoped = await identity.authenticate({ method: "password", user: "admin", password: "pw" });
    expect(unscoped.info.project).toBeNull();
    const scoped = await identity.authenticate({ method: "token", token: unscoped.token }, { project: "admin" });
    expect(scoped.info).toMatchObject({ project: { id: "admin", name: "admin" }, methods: ["token"], expiresAt: "2026-11-21T10:01:00.000Z" });
    await identity.revoke(scoped.token);
    await expect(identity.validate(scoped.token)).rejects.toMatchObject({ code: "NotFound" });
    clock = new Date("2026-11-21T10:01:00Z");
    await expect(identity.validate(unscoped.token)).rejects.toMatchObject({ code: "NotFound" });
  });

  it("a token made from a token ends when the original does (re-scoping never extends a session)", async () => {
    await identity.bootstrap({ password: "pw", adminProjectId: "admin" });
    const first = await identity.authenticate({ method: "password", user: "admin", password: "pw" }, { project: "admin" });
    clock = new Date("2026-11-21T10:00:40Z");
    const rescoped = await identity.authenticate({ method: "token", token: first.token }, { project: "demo" });
    expect(rescoped.info.expiresAt).toBe(first.info.expiresAt);
    clock = new Date("2026-11-21T10:01:00Z");
    await expect(identity.validate(rescoped.token)).rejects.toMatchObject({ code: "NotFound" });
  });

  it("refuses a scope the user holds no role on, and gives readers their role", async () => {
    await identity.bootstrap({ password: "pw", adminProjectId: "admin" });
    const alice = await identity.createUser("alice", "pw2");
    await expect(identity.createUser("alice", "x")).rejects.toMatchObject({ code: "Conflict" });
    await expect(identity.authenticate({ method: "password", user: "alice", password: "pw2" }, { project: "demo" })).rejects.toMatchObject({ code: "Unauthorized" });
    await identity.assignRole("alice", "demo", "reader");
    const { info } = await identity.authenticate({ method: "password", user: alice.id, password: "pw2" }, { project: "demo" });
    expect(info.roles.map((r) => r.name)).toEqual(["reader"]);
    expect((await identity.projectsOf(alice.id)).map((p) => p.name)).toEqual(["demo"]);
    await expect(identity.assignRole("alice", "demo", "owner")).rejects.toMatchObject({ code: "NotFound" });
  });
});
