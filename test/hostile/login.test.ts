/**
 * Hostile logins: `next` values a browser reads as another host, password guessing (throttled per
 * user and per address, on a fake clock), and unknown users answered at a known user's cost. The
 * console's login action is covered in lib/console/session.test.ts, a real browser in
 * e2e/login-hostile.spec.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loginUrl, safeNext } from "../../lib/console/session-cookie";
import { createIdentity, type Identity } from "../../lib/services/identity";
import { openTempDatabase, type TempPorts } from "../../lib/store/testing/temp-database";
import { startHarness } from "../api/harness";

/** Every scrypt call the identity makes (the real one runs). */
const scryptCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock("node:crypto", async (original) => {
  const crypto = await original<typeof import("node:crypto")>();
  const scrypt = (...args: Parameters<typeof crypto.scrypt>) => {
    scryptCalls.count++;
    return crypto.scrypt(...args);
  };
  return { ...crypto, default: { ...crypto, scrypt }, scrypt };
});

describe("next only ever stays on this site", () => {
  it("refuses every path a browser may read as another host, or that is not a console page", () => {
    const hostile = [
      "//evil.example",
      "/\\evil.example",
      "/%2F%2Fevil.example",
      "/%2f/evil.example",
      "/%5Cevil.example",
      "/%252F%252Fevil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n//evil.example",
      "/ /evil.example".replace(" ", "\u0000"),
      "https://evil.example",
      "javascript:alert(1)",
      "/%E0%A4%A",
      "/stacks/../login",
      "/stacks/%2e%2e/api/events",
      "evil.example",
    ];
    for (const next of hostile) {
      expect(safeNext(next), JSON.stringify(next)).toBe("/");
      expect(loginUrl(next), JSON.stringify(next)).toBe("/login");
    }
    expect(safeNext("/stacks/s1?tab=events#top")).toBe("/stacks/s1?tab=events#top");
    expect(safeNext("/stacks/a%20b")).toBe("/stacks/a%20b");
  });
});

describe("password guessing", () => {
  let db: TempPorts;
  let identity: Identity;
  let clock: Date;
  const wrong = (user: string, address?: string) => identity.authenticate({ method: "password", user, password: "guess" }, undefined, { address });
  const right = (user: string, address?: string) => identity.authenticate({ method: "password", user, password: "pw" }, undefined, { address });

  beforeEach(async () => {
    db = await openTempDatabase();
    clock = new Date("2026-11-21T10:00:00Z");
    identity = createIdentity(db.database.identity, db.database.loginFailures, { now: () => clock });
    for (const name of ["alice", "bob", "carol"]) await identity.createUser(name, "pw");
  });
  afterEach(() => db.cleanup());

  it("refuses a user after 5 failures in a minute, even with the right password, until the window passes", async () => {
    for (let i = 0; i < 5; i++) await expect(wrong("alice", `10.0.0.${i}`)).rejects.toMatchObject({ code: "Unauthorized" });
    await expect(right("alice", "10.0.1.1")).rejects.toMatchObject({
      code: "TooManyRequests",
      message: "Too many failed logins for user alice (5 in 60 s): try again in 60 s.",
    });
    clock = new Date("2026-11-21T10:00:59Z");
    await expect(right("alice")).rejects.toMatchObject({ code: "TooManyRequests", message: expect.stringContaining("try again in 1 s") });
    clock = new Date("2026-11-21T10:01:00.001Z");
    expect((await right("alice")).info.user.name).toBe("alice");
    await expect(right("bob")).resolves.toBeDefined();
  });

  it("refuses an address that guesses across users, and a success clears only the user's count", async () => {
    for (const user of ["alice", "bob", "carol", "nobody", "alice"]) await expect(wrong(user, "203.0.113.9")).rejects.toMatchObject({ code: "Unauthorized" });
    await expect(right("carol", "203.0.113.9")).rejects.toMatchObject({ message: "Too many failed logins for address 203.0.113.9 (5 in 60 s): try again in 60 s." });
    expect((await right("carol", "198.51.100.1")).info.user.name).toBe("carol");
    // bob failed once above: three more make four, a success clears them, so four more are still answered
    for (let i = 0; i < 3; i++) await expect(wrong("bob")).rejects.toMatchObject({ code: "Unauthorized" });
    await right("bob");
    for (let i = 0; i < 4; i++) await expect(wrong("bob")).rejects.toMatchObject({ code: "Unauthorized" });
  });

  it("costs an unknown user the same scrypt as a known one", async () => {
    await wrong("warmup").catch(() => undefined); // the dummy hash is made once, on first need
    scryptCalls.count = 0;
    await expect(wrong("alice")).rejects.toMatchObject({ code: "Unauthorized" });
    const known = scryptCalls.count;
    scryptCalls.count = 0;
    await expect(wrong("no-such-user")).rejects.toMatchObject({ code: "Unauthorized", message: "The request you have made requires authentication." });
    expect(known).toBe(1);
    expect(scryptCalls.count).toBe(known);
  });
});

describe("POST /identity/v3/auth/tokens", () => {
  it("answers 429 in Keystone's shape once a user is throttled", async () => {
    const api = await startHarness();
    try {
      const body = { auth: { identity: { methods: ["password"], password: { user: { name: "admin", password: "guess" } } } } };
      for (let i = 0; i < 5; i++) expect((await api.call("POST", "/identity/v3/auth/tokens", { body, headers: { "x-forwarded-for": `192.0.2.${i}` } })).status).toBe(401);
      const refused = await api.call("POST", "/identity/v3/auth/tokens", { body, headers: { "x-forwarded-for": "192.0.2.77" } });
      expect(refused.status).toBe(429);
      // a real clock here: the wait left depends on how long the five attempts took
      expect(refused.body.error).toEqual({ code: 429, title: "Too Many Requests", message: expect.stringMatching(/^Too many failed logins for user admin \(5 in 60 s\): try again in (5\d|60) s\.$/) });
    } finally {
      await api.close();
    }
  });
});
