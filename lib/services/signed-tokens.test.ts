import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tokenSigner } from "../federation/signed-token";
import { openTempDatabase, type TempPorts } from "../store/testing/temp-database";
import { createIdentity, type Identity } from "./identity";
import { mintTrustToken } from "./signed-tokens";

/** Two regions' identities: each its own database, the same shared key and bootstrap. */
let one: TempPorts;
let two: TempPorts;
let regionOne: Identity;
let regionTwo: Identity;
let clock = new Date("2026-11-21T10:00:00Z");
const signer = tokenSigner("s".repeat(32));

beforeEach(async () => {
  [one, two] = await Promise.all([openTempDatabase(), openTempDatabase()]);
  clock = new Date("2026-11-21T10:00:00Z");
  const options = (issuer: string) => ({ tokenTtlMs: 60_000, now: () => clock, signed: { signer, issuer } });
  regionOne = createIdentity(one.database.identity, one.database.loginFailures, options("RegionOne"));
  regionTwo = createIdentity(two.database.identity, two.database.loginFailures, options("RegionTwo"));
  await regionOne.bootstrap({ password: "pw", adminProjectId: "admin" });
  await regionTwo.bootstrap({ password: "pw", adminProjectId: "admin" });
});
afterEach(async () => {
  await one.cleanup();
  await two.cleanup();
});

const login = (identity: Identity) => identity.authenticate({ method: "password", user: "admin", password: "pw" }, { project: "admin" });

describe("signed tokens across regions", () => {
  it("a token from RegionOne is valid in RegionTwo, with RegionTwo's own user id and grants, until it expires", async () => {
    const { token, info } = await login(regionOne);
    const seen = await regionTwo.validate(token);
    expect(seen.user.name).toBe("admin");
    expect(seen.user.id).not.toBe(info.user.id);
    expect(seen.project?.id).toBe("admin");
    expect(seen.roles.map((r) => r.name)).toEqual(["admin"]);
    clock = new Date(clock.getTime() + 60_001);
    await expect(regionTwo.validate(token)).rejects.toThrow("Could not find token.");
  });

  it("refuses a user or project the validating region does not have, and a token revoked there", async () => {
    await regionOne.createUser("alice", "pw2");
    await regionOne.assignRole("alice", "admin", "member");
    const alice = await regionOne.authenticate({ method: "password", user: "alice", password: "pw2" }, { project: "admin" });
    await expect(regionTwo.validate(alice.token)).rejects.toThrow("Could not find token.");
    const { token } = await login(regionOne);
    await regionTwo.revoke(token);
    await expect(regionTwo.validate(token)).rejects.toThrow("Could not find token.");
    expect((await regionOne.validate(token)).user.name).toBe("admin");
  });

  it("a trust token carries only the roles it delegates, for a project the region has", async () => {
    const trust = mintTrustToken({ signer, issuer: "RegionOne" }, "admin", ["member"], 60_000, clock);
    const seen = await regionTwo.validate(trust);
    expect(seen.user.name).toBe("heat@RegionOne");
    expect(seen.roles.map((r) => r.name)).toEqual(["member"]);
    await expect(regionTwo.validate(mintTrustToken({ signer, issuer: "RegionOne" }, "nowhere", ["member"], 60_000, clock))).rejects.toThrow("Could not find token.");
  });

  it("keeps accepting stored tokens issued before signing was turned on", async () => {
    const plain = createIdentity(one.database.identity, one.database.loginFailures, { now: () => clock });
    const { token } = await login(plain);
    expect(token).not.toMatch(/^hs1\./);
    expect((await regionOne.validate(token)).user.name).toBe("admin");
  });
});
