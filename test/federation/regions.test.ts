/**
 * Three regions as three real processes (scripts/federation.mjs on loopback ports 3210-3212): a parent
 * in RegionOne owns children in RegionTwo and RegionThree through their Heat APIs; a token from one
 * region is accepted by the others; RegionThree killed with kill -9 mid-create fails only its part,
 * with a reason naming the region and its endpoint, and an update after its restart converges.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heat, outputsOf, settled, stackNamed, startTestFederation, tokenFrom, waitFor, type TestFederation } from "./harness";

const BASE_PORT = 3210;

/** A child template: a network and a random string of `size` characters; its outputs name them. */
const child = (extra = "") => `heat_template_version: 2018-08-31
parameters:
  size: {type: number, default: 4}
resources:
  net: {type: OS::Neutron::Net}
  rnd: {type: OS::Heat::RandomString, properties: {length: {get_param: size}}}
${extra}outputs:
  net_id: {value: {get_resource: net}}
  word: {value: {get_attr: [rnd, value]}}
`;

/** A slow resource in a child (so RegionThree can be killed while it runs). */
const SLOW = "  slow: {type: OS::Heat::TestResource, properties: {wait_secs: 3}}\n";

/** The parent: one child in RegionTwo, one in RegionThree, their outputs re-exported. */
const parent = (threeTemplate: string) =>
  JSON.stringify({
    heat_template_version: "2018-08-31",
    parameters: { size: { type: "number", default: 4 } },
    resources: {
      two: { type: "OS::Heat::Stack", properties: { context: { region_name: "RegionTwo" }, template: child(), parameters: { size: { get_param: "size" } } } },
      three: { type: "OS::Heat::Stack", properties: { context: { region_name: "RegionThree" }, template: threeTemplate } },
    },
    outputs: {
      two_net: { value: { get_attr: ["two", "outputs", "net_id"] } },
      two_word: { value: { get_attr: ["two", "outputs", "word"] } },
      three_net: { value: { get_attr: ["three", "outputs", "net_id"] } },
    },
  });

let fed: TestFederation;
const origin = (region: string) => fed.regions[region].origin;
let token: string;

beforeAll(async () => {
  fed = await startTestFederation(BASE_PORT);
  token = (await tokenFrom(origin("RegionOne"))).token!;
}, 120_000);

afterAll(async () => {
  await fed?.stop();
});

/** The only stack of `region` whose owner tags name `resource` of the parent `parentId`. */
async function ownedChild(region: string, parentId: string, resource: string): Promise<any> {
  const list = (await heat(origin(region), token, "GET", "stacks")).body.stacks as any[];
  const owned = list.filter((s) => (s.tags ?? []).includes(`hearth.owner.stack=${parentId}`) && (s.tags ?? []).includes(`hearth.owner.resource=${resource}`));
  expect(owned).toHaveLength(1);
  return stackNamed(origin(region), token, owned[0].stack_name);
}

/** Creates the parent `name` in RegionOne and waits until it is CREATE_COMPLETE; answers its detail. */
async function createParent(name: string): Promise<any> {
  expect((await heat(origin("RegionOne"), token, "POST", "stacks", { stack_name: name, template: parent(child()) })).status).toBe(201);
  const created = await settled(origin("RegionOne"), token, name);
  expect(created.stack_status, created.stack_status_reason).toBe("CREATE_COMPLETE");
  return created;
}

describe("identity without a single point of failure", () => {
  it("accepts a token issued by RegionOne in RegionTwo and RegionThree, and refuses a forged one", async () => {
    expect(token).toMatch(/^hs1\./);
    for (const region of ["RegionTwo", "RegionThree"]) expect((await heat(origin(region), token, "GET", "stacks")).status).toBe(200);
    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await heat(origin("RegionTwo"), forged, "GET", "stacks")).status).toBe(401);
  });

  it("lists every region's own orchestration endpoint in the token's catalog", async () => {
    const response = await fetch(`${origin("RegionTwo")}/identity/v3/auth/tokens`, { headers: { "x-auth-token": token, "x-subject-token": token } });
    const body = (await response.json()) as { token: { catalog: { type: string; endpoints: { region: string; url: string }[] }[] } };
    const heatEndpoints = body.token.catalog.find((s) => s.type === "orchestration")!.endpoints;
    expect(heatEndpoints.map((e) => [e.region, e.url])).toEqual(["RegionOne", "RegionTwo", "RegionThree"].map((r) => [r, `${origin(r)}/heat-api/v1/admin`]));
    // a region serves its own region only; another region's path names that region's service
    const elsewhere = await fetch(`${origin("RegionOne")}/heat-api/region/RegionTwo/v1/admin/stacks`, { headers: { "x-auth-token": token } });
    expect(elsewhere.status).toBe(404);
    expect(((await elsewhere.json()) as { error: { message: string } }).error.message).toContain(`use its endpoint ${origin("RegionTwo")}/heat-api`);
  });
});

describe("remote stacks through the Heat API", () => {
  it("creates, reads, updates and deletes children in RegionTwo and RegionThree from a parent in RegionOne", async () => {
    const created = await createParent("multi");

    const two = await ownedChild("RegionTwo", created.id, "two");
    const three = await ownedChild("RegionThree", created.id, "three");
    expect(two.stack_status).toBe("CREATE_COMPLETE");
    expect(two.tags).toContain("hearth.owner.region=RegionOne");
    // the parent's outputs are the children's, as each child's own region computes them
    const outputs = outputsOf(created);
    expect(outputs.two_net).toBe(outputsOf(two).net_id);
    expect(outputs.three_net).toBe(outputsOf(three).net_id);
    expect(String(outputs.two_word)).toHaveLength(4);
    // the parent's resource is the remote child's id
    const resource = (await heat(origin("RegionOne"), token, "GET", `stacks/multi/${created.id}/resources/two`)).body.resource;
    expect(resource.physical_resource_id).toBe(two.id);

    await heat(origin("RegionOne"), token, "PATCH", `stacks/multi/${created.id}`, { parameters: { size: 9 } });
    const updated = await settled(origin("RegionOne"), token, "multi");
    expect(updated.stack_status, updated.stack_status_reason).toBe("UPDATE_COMPLETE");
    const twoAfter = await stackNamed(origin("RegionTwo"), token, two.stack_name);
    expect(twoAfter.id).toBe(two.id);
    expect(twoAfter.stack_status).toBe("UPDATE_COMPLETE");
    expect(String(outputsOf(twoAfter).word)).toHaveLength(9);
    expect(outputsOf(updated).two_word).toBe(outputsOf(twoAfter).word);

    expect((await heat(origin("RegionOne"), token, "POST", `stacks/multi/${created.id}/actions`, { check: null })).status).toBe(200);
    const checked = await settled(origin("RegionOne"), token, "multi");
    expect(checked.stack_status, checked.stack_status_reason).toBe("CHECK_COMPLETE");
    expect((await stackNamed(origin("RegionThree"), token, three.stack_name)).stack_status).toBe("CHECK_COMPLETE");

    await heat(origin("RegionOne"), token, "DELETE", `stacks/multi/${created.id}`);
    await waitFor(() => stackNamed(origin("RegionOne"), token, "multi"), (s) => s === undefined);
    expect(await stackNamed(origin("RegionTwo"), token, two.stack_name)).toBeUndefined();
    expect(await stackNamed(origin("RegionThree"), token, three.stack_name)).toBeUndefined();
  }, 120_000);
});

describe("a region killed mid-create", () => {
  it("fails only the part that needs it, naming the region and its endpoint; an update after its restart converges", async () => {
    expect((await heat(origin("RegionOne"), token, "POST", "stacks", { stack_name: "outage", template: parent(child(SLOW)) })).status).toBe(201);
    const parentId = (await stackNamed(origin("RegionOne"), token, "outage")).id;
    // kill -9 RegionThree while its child is being created
    await waitFor(
      async () => ((await heat(origin("RegionThree"), token, "GET", "stacks")).body.stacks as any[]).find((s) => (s.tags ?? []).includes(`hearth.owner.stack=${parentId}`)),
      (s) => s?.stack_status === "CREATE_IN_PROGRESS",
    );
    await fed.kill("RegionThree");

    const failed = await settled(origin("RegionOne"), token, "outage");
    expect(failed.stack_status).toBe("CREATE_FAILED");
    const resources = (await heat(origin("RegionOne"), token, "GET", `stacks/outage/${parentId}/resources`)).body.resources as any[];
    const status = Object.fromEntries(resources.map((r) => [r.resource_name, r]));
    expect(status.two.resource_status).toBe("CREATE_COMPLETE");
    expect(status.three.resource_status).toBe("CREATE_FAILED");
    expect(status.three.resource_status_reason).toContain(`Region RegionThree (${origin("RegionThree")}/heat-api) is unreachable`);
    // the other regions keep serving, their own stacks and new tokens
    expect((await ownedChild("RegionTwo", parentId, "two")).stack_status).toBe("CREATE_COMPLETE");
    expect((await tokenFrom(origin("RegionTwo"))).status).toBe(201);
    expect((await heat(origin("RegionOne"), token, "GET", "stacks")).status).toBe(200);

    await fed.restart("RegionThree");
    // the restarted region carries its interrupted child to its end first (its own recovery)
    await waitFor(
      async () => ((await heat(origin("RegionThree"), token, "GET", "stacks")).body.stacks as any[]).filter((s) => (s.tags ?? []).includes(`hearth.owner.stack=${parentId}`)),
      (list) => list.length > 0 && list.every((s: any) => !String(s.stack_status).endsWith("_IN_PROGRESS")),
    );
    await heat(origin("RegionOne"), token, "PATCH", `stacks/outage/${parentId}`, {});
    const converged = await settled(origin("RegionOne"), token, "outage");
    expect(converged.stack_status, converged.stack_status_reason).toBe("UPDATE_COMPLETE");
    const three = await ownedChild("RegionThree", parentId, "three");
    expect(three.stack_status).toMatch(/_COMPLETE$/);
    const outputs = outputsOf(converged);
    expect(outputs.three_net).toBe(outputsOf(three).net_id);
    expect(outputs.two_net).toBe(outputsOf(await ownedChild("RegionTwo", parentId, "two")).net_id);
    expect(outputs.three_net).toEqual(expect.any(String));
  }, 180_000);
});

describe("split brain", () => {
  it("refuses to overwrite a child changed in its own region without its owner, with an event naming it", async () => {
    const created = await createParent("split");
    const two = await ownedChild("RegionTwo", created.id, "two");
    // someone operates the child directly in RegionTwo (as while RegionOne was away)
    await heat(origin("RegionTwo"), token, "PATCH", `stacks/${two.stack_name}/${two.id}?override_owner=true`, { parameters: { size: 5 } });
    const changed = await settled(origin("RegionTwo"), token, two.stack_name);
    expect(changed.stack_status).toBe("UPDATE_COMPLETE");

    await heat(origin("RegionOne"), token, "PATCH", `stacks/split/${created.id}`, { parameters: { size: 7 } });
    const refused = await settled(origin("RegionOne"), token, "split");
    expect(refused.stack_status).toBe("UPDATE_FAILED");
    const resource = (await heat(origin("RegionOne"), token, "GET", `stacks/split/${created.id}/resources/two`)).body.resource;
    expect(resource.resource_status).toBe("UPDATE_FAILED");
    expect(resource.resource_status_reason).toContain(`Nested stack ${two.stack_name} in region RegionTwo has diverged`);
    const events = (await heat(origin("RegionOne"), token, "GET", `stacks/split/${created.id}/events?resource_name=two`)).body.events as any[];
    expect(events.some((e) => e.resource_status === "UPDATE_FAILED" && String(e.resource_status_reason).includes("has diverged"))).toBe(true);
    // the child keeps what was done to it in its region
    expect(String(outputsOf(await stackNamed(origin("RegionTwo"), token, two.stack_name)).word)).toHaveLength(5);
    // the child in RegionThree, unchanged, was updated as asked
    expect((await ownedChild("RegionThree", created.id, "three")).stack_status).toMatch(/_COMPLETE$/);
  }, 120_000);
});
