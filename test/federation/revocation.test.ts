/**
 * Cross-region revocation across three real region processes (ports 4710-4712): a signed token
 * revoked in one region (DELETE /identity/v3/auth/tokens) is refused by the others within a bounded
 * time, including a region that was down when it was revoked and comes back while the revoking region
 * is down (it learns the revocation from a region that pulled it); other tokens stay valid.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heat, startTestFederation, tokenFrom, type TestFederation } from "./harness";

const BASE_PORT = 4710;

let fed: TestFederation;
const origin = (region: string) => fed.regions[region].origin;

beforeAll(async () => {
  fed = await startTestFederation(BASE_PORT, { HEARTH_REVOCATION_SYNC_MS: "200" });
}, 120_000);

afterAll(async () => {
  await fed?.stop();
});

/** The status `region`'s Heat answers a stack list with `token`. */
async function statusIn(region: string, token: string): Promise<number> {
  return (await heat(origin(region), token, "GET", "stacks")).status;
}

/** Polls (at most 100 times, 100 ms apart) until `region` refuses `token`; answers how long it took (ms). */
async function refusedWithin(region: string, token: string): Promise<number> {
  const started = Date.now();
  for (let i = 0; i < 100; i++) {
    if ((await statusIn(region, token)) === 401) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${region} still accepts the revoked token after 100 polls`);
}

describe("a signed token revoked in one region", () => {
  it("is refused by every other region within a bounded time, also by one that was down meanwhile", async () => {
    const revoked = (await tokenFrom(origin("RegionOne"))).token!;
    const kept = (await tokenFrom(origin("RegionOne"))).token!;
    for (const region of ["RegionOne", "RegionTwo", "RegionThree"]) expect(await statusIn(region, revoked), region).toBe(200);

    await fed.kill("RegionThree");
    const response = await fetch(`${origin("RegionOne")}/identity/v3/auth/tokens`, { method: "DELETE", headers: { "x-auth-token": revoked, "x-subject-token": revoked } });
    expect(response.status).toBe(204);
    expect(await statusIn("RegionOne", revoked)).toBe(401);
    expect(await refusedWithin("RegionTwo", revoked)).toBeLessThan(10_000);

    // RegionThree returns while the revoking region is down: RegionTwo holds the revocation too
    await fed.kill("RegionOne");
    await fed.restart("RegionThree");
    expect(await refusedWithin("RegionThree", revoked)).toBeLessThan(10_000);
    for (const region of ["RegionTwo", "RegionThree"]) expect(await statusIn(region, kept), region).toBe(200);
  }, 180_000);

  it("lists revocation events only for a region's service token or the cloud admin", async () => {
    const { token } = await tokenFrom(origin("RegionTwo"));
    const events = await fetch(`${origin("RegionTwo")}/identity/v3/OS-REVOKE/events`, { headers: { "x-auth-token": token! } });
    expect(events.status).toBe(200);
    const body = (await events.json()) as { events: { audit_id: string }[] };
    expect(body.events.length).toBeGreaterThanOrEqual(1);
    expect(body.events.every((e) => /^[0-9a-f]{64}$/.test(e.audit_id))).toBe(true);
    const bad = await fetch(`${origin("RegionTwo")}/identity/v3/OS-REVOKE/events?since=yesterday`, { headers: { "x-auth-token": token! } });
    expect(bad.status).toBe(400);
    expect(await fetch(`${origin("RegionTwo")}/identity/v3/OS-REVOKE/events`)).toHaveProperty("status", 401);
  }, 60_000);
});
