/**
 * The divergence scan across three real region processes (ports 4700-4702): a parent in RegionOne
 * owns a child in RegionTwo; RegionOne is killed (kill -9), the child changed directly in RegionTwo
 * with override_owner=true, RegionOne started again. Without any operation by the user, RegionOne's
 * scan marks the parent's resource diverged (REST `diverged`) with one event, and a resolution
 * clears the mark.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heat, settled, stackNamed, startTestFederation, tokenFrom, waitFor, type TestFederation } from "./harness";

const BASE_PORT = 4700;
/** The scan's interval in the regions. */
const SCAN_MS = 200;

const CHILD = `heat_template_version: 2018-08-31
parameters:
  size: {type: number, default: 4}
resources:
  rnd: {type: OS::Heat::RandomString, properties: {length: {get_param: size}}}
`;

const PARENT = JSON.stringify({
  heat_template_version: "2018-08-31",
  resources: { two: { type: "OS::Heat::Stack", properties: { context: { region_name: "RegionTwo" }, template: CHILD, parameters: { size: 4 } } } },
});

let fed: TestFederation;
const one = () => fed.regions.RegionOne.origin;
const two = () => fed.regions.RegionTwo.origin;

beforeAll(async () => {
  fed = await startTestFederation(BASE_PORT, { HEARTH_DIVERGENCE_SCAN_MS: String(SCAN_MS) });
}, 120_000);

afterAll(async () => {
  await fed?.stop();
});

/** Resource `two` of the parent as RegionOne shows it. */
async function resourceTwo(token: string, parent: any): Promise<any> {
  return (await heat(one(), token, "GET", `stacks/${parent.stack_name}/${parent.id}/resources/two`)).body.resource;
}

/** The parent's events on resource two that report a divergence. */
async function divergedEvents(token: string, parent: any): Promise<any[]> {
  const events = (await heat(one(), token, "GET", `stacks/${parent.stack_name}/${parent.id}/events?resource_name=two`)).body.events as any[];
  return events.filter((e) => String(e.resource_status_reason).includes("has diverged"));
}

describe("the divergence scan of a region that comes back", () => {
  it("marks the resource of a child changed while its owner's region was down, once, and a resolution clears the mark", async () => {
    let token = (await tokenFrom(one())).token!;
    expect((await heat(one(), token, "POST", "stacks", { stack_name: "watched", template: PARENT })).status).toBe(201);
    const parent = await settled(one(), token, "watched");
    expect(parent.stack_status, parent.stack_status_reason).toBe("CREATE_COMPLETE");
    const child = (await heat(two(), token, "GET", `stacks?tags=hearth.owner.stack=${parent.id}`)).body.stacks[0];
    // an unchanged child: no mark
    await waitFor(() => resourceTwo(token, parent), (r) => r.resource_status === "CREATE_COMPLETE", 10);
    expect((await resourceTwo(token, parent)).diverged).toBeUndefined();

    await fed.kill("RegionOne");
    const at = `stacks/${child.stack_name}/${child.id}?override_owner=true`;
    expect((await heat(two(), token, "PATCH", at, { parameters: { size: 6 } })).status).toBe(202);
    expect((await settled(two(), token, child.stack_name)).stack_status).toBe("UPDATE_COMPLETE");

    const restartedAt = Date.now();
    await fed.restart("RegionOne");
    token = (await tokenFrom(one())).token!;
    // within a bounded time (100 polls, 100 ms apart), with no update by the user
    const marked = await waitFor(() => resourceTwo(token, parent), (r) => r?.diverged !== undefined, 100);
    const detectedIn = Date.now() - restartedAt;
    expect(marked.diverged).toMatchObject({ region: "RegionTwo", child: child.stack_name, childId: child.id });
    expect(marked.diverged.appliedDigest).not.toBe(marked.diverged.currentDigest);
    expect(Date.parse(marked.diverged.detectedAt)).toBeGreaterThanOrEqual(restartedAt - 1000);
    expect(marked.resource_status).toBe("CREATE_COMPLETE");
    expect((await stackNamed(one(), token, "watched")).stack_status).toBe("CREATE_COMPLETE");
    const listed = (await heat(one(), token, "GET", `stacks/watched/${parent.id}/resources`)).body.resources as any[];
    expect(listed.find((r) => r.resource_name === "two").diverged).toEqual(marked.diverged);
    expect(detectedIn).toBeLessThan(10_000);

    // one event, however many scans see it (polls spanning at least 5 more scans)
    const events = await divergedEvents(token, parent);
    expect(events).toHaveLength(1);
    expect(events[0].resource_status_reason).toContain(`Nested stack ${child.stack_name} in region RegionTwo has diverged`);
    const until = Date.now() + 5 * SCAN_MS;
    for (let i = 0; i < 50 && Date.now() < until; i++) {
      expect(await divergedEvents(token, parent)).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await resourceTwo(token, parent)).diverged).toEqual(marked.diverged);

    expect((await heat(one(), token, "POST", `stacks/watched/${parent.id}/resources/two/resolve`, { resolution: "reapply" })).status).toBe(200);
    const resolved = await resourceTwo(token, parent);
    expect(resolved.diverged).toBeUndefined();
    expect((await stackNamed(two(), token, child.stack_name)).parameters.size).toBe("4");
    // the scans after the resolution find the child as applied: no mark again
    const after = Date.now() + 5 * SCAN_MS;
    for (let i = 0; i < 50 && Date.now() < after; i++) {
      expect((await resourceTwo(token, parent)).diverged).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await divergedEvents(token, parent)).toHaveLength(1);
  }, 180_000);
});
