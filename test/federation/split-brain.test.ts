/**
 * The master down and split brain, across three real region processes (ports 3240-3242): a change sent
 * directly to a child in RegionTwo is refused (409, naming its owner) unless it carries
 * override_owner=true; a child so changed is diverged for its parent in RegionOne, which resolves it
 * by adopting the child's definition, re-applying its own, or detaching the child.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heat, outputsOf, settled, stackNamed, startTestFederation, tokenFrom, type TestFederation } from "./harness";

const BASE_PORT = 3240;

const CHILD = `heat_template_version: 2018-08-31
parameters:
  size: {type: number, default: 4}
resources:
  rnd: {type: OS::Heat::RandomString, properties: {length: {get_param: size}}}
outputs:
  word: {value: {get_attr: [rnd, value]}}
`;

/** A parent in RegionOne with one child in RegionTwo. */
const PARENT = JSON.stringify({
  heat_template_version: "2018-08-31",
  parameters: { size: { type: "number", default: 4 } },
  resources: { two: { type: "OS::Heat::Stack", properties: { context: { region_name: "RegionTwo" }, template: CHILD, parameters: { size: { get_param: "size" } } } } },
  outputs: { word: { value: { get_attr: ["two", "outputs", "word"] } } },
});

let fed: TestFederation;
const one = () => fed.regions.RegionOne.origin;
const two = () => fed.regions.RegionTwo.origin;
let token: string;

beforeAll(async () => {
  fed = await startTestFederation(BASE_PORT);
  token = (await tokenFrom(one())).token!;
}, 120_000);

afterAll(async () => {
  await fed?.stop();
});

/** Creates the parent `name` in RegionOne; answers it and its child in RegionTwo (both read back). */
async function parentWithChild(name: string): Promise<{ parent: any; child: any }> {
  expect((await heat(one(), token, "POST", "stacks", { stack_name: name, template: PARENT })).status).toBe(201);
  const parent = await settled(one(), token, name);
  expect(parent.stack_status, parent.stack_status_reason).toBe("CREATE_COMPLETE");
  const list = (await heat(two(), token, "GET", `stacks?tags=hearth.owner.stack=${parent.id}`)).body.stacks as any[];
  expect(list).toHaveLength(1);
  return { parent, child: await stackNamed(two(), token, list[0].stack_name) };
}

describe("a change sent directly to an owned child", () => {
  it("is refused with 409 naming the owner, and made with override_owner=true", async () => {
    const { parent, child } = await parentWithChild("owned");
    const at = `stacks/${child.stack_name}/${child.id}`;
    for (const [method, path, body] of [["PATCH", at, { parameters: { size: 6 } }], ["POST", `${at}/actions`, { suspend: null }], ["DELETE", at, undefined]] as const) {
      const refused = await heat(two(), token, method, path, body);
      expect(refused.status, `${method} ${path}`).toBe(409);
      expect(refused.body.error.message).toContain(`is owned by resource two of stack ${parent.id} in region RegionOne`);
      expect(refused.body.error.message).toContain("override_owner=true");
    }
    const untouched = await stackNamed(two(), token, child.stack_name);
    expect([untouched.stack_status, untouched.parameters.size]).toEqual(["CREATE_COMPLETE", "4"]);

    expect((await heat(two(), token, "PATCH", `${at}?override_owner=true`, { parameters: { size: 6 } })).status).toBe(202);
    const changed = await settled(two(), token, child.stack_name);
    expect(changed.stack_status).toBe("UPDATE_COMPLETE");
    expect(String(outputsOf(changed).word)).toHaveLength(6);
  }, 120_000);
});

/** A parent with its child in RegionTwo changed directly there (size 6): diverged. */
async function divergedParent(name: string): Promise<{ parent: any; child: any }> {
  const made = await parentWithChild(name);
  const at = `stacks/${made.child.stack_name}/${made.child.id}`;
  expect((await heat(two(), token, "PATCH", `${at}?override_owner=true`, { parameters: { size: 6 } })).status).toBe(202);
  expect((await settled(two(), token, made.child.stack_name)).stack_status).toBe("UPDATE_COMPLETE");
  return made;
}

/** POST .../resources/two/resolve on the parent; answers the status. */
async function resolve(parent: any, resolution: string): Promise<{ status: number; body: any }> {
  return heat(one(), token, "POST", `stacks/${parent.stack_name}/${parent.id}/resources/two/resolve`, { resolution });
}

/** The parent's events of resource two. */
async function eventsOfTwo(parent: any): Promise<any[]> {
  return (await heat(one(), token, "GET", `stacks/${parent.stack_name}/${parent.id}/events?resource_name=two`)).body.events;
}

/** Updates the parent (PATCH `parameters`) and answers it settled. */
async function updateParent(parent: any, parameters: Record<string, unknown>): Promise<any> {
  expect((await heat(one(), token, "PATCH", `stacks/${parent.stack_name}/${parent.id}`, { parameters })).status).toBe(202);
  return settled(one(), token, parent.stack_name);
}

describe("resolutions of a diverged child", () => {
  it("refuses to resolve a child that has not diverged, and a resolution it does not know", async () => {
    const { parent } = await parentWithChild("calm");
    const calm = await resolve(parent, "adopt");
    expect(calm.status).toBe(409);
    expect(calm.body.error.message).toContain("has not diverged");
    const bad = await resolve(parent, "merge");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("use one of adopt, reapply, detach");
  }, 120_000);

  it("adopt: the parent takes the child's definition; its next update leaves the child as it is", async () => {
    const { parent, child } = await divergedParent("adopting");
    expect((await resolve(parent, "adopt")).status).toBe(200);
    const resource = (await heat(one(), token, "GET", `stacks/adopting/${parent.id}/resources/two`)).body.resource;
    expect(resource.resource_status).toBe("ADOPT_COMPLETE");
    expect((await eventsOfTwo(parent)).some((e) => String(e.resource_status_reason).includes("resolved by adopt"))).toBe(true);
    const template = (await heat(one(), token, "GET", `stacks/adopting/${parent.id}/template`)).body;
    expect(template.resources.two.properties.parameters).toEqual({ size: "6" });

    const updated = await updateParent(parent, {});
    expect(updated.stack_status, updated.stack_status_reason).toBe("UPDATE_COMPLETE");
    const after = await stackNamed(two(), token, child.stack_name);
    expect([after.id, after.parameters.size, String(outputsOf(after).word).length]).toEqual([child.id, "6", 6]);
    expect(outputsOf(updated).word).toBe(outputsOf(after).word);
  }, 120_000);

  it("reapply: the parent's definition is applied to the child again, and later updates flow", async () => {
    const { parent, child } = await divergedParent("reapplying");
    expect((await resolve(parent, "reapply")).status).toBe(200);
    const reapplied = await stackNamed(two(), token, child.stack_name);
    expect([reapplied.stack_status, reapplied.parameters.size]).toEqual(["UPDATE_COMPLETE", "4"]);
    expect((await heat(one(), token, "GET", `stacks/reapplying/${parent.id}/resources/two`)).body.resource.resource_status).toBe("UPDATE_COMPLETE");
    expect((await eventsOfTwo(parent)).some((e) => String(e.resource_status_reason).includes("resolved by reapply"))).toBe(true);

    const updated = await updateParent(parent, { size: 8 });
    expect(updated.stack_status, updated.stack_status_reason).toBe("UPDATE_COMPLETE");
    expect((await stackNamed(two(), token, child.stack_name)).parameters.size).toBe("8");
  }, 120_000);

  it("detach: the child is released and kept, the parent's resource removed", async () => {
    const { parent, child } = await divergedParent("detaching");
    expect((await resolve(parent, "detach")).status).toBe(200);
    const released = await stackNamed(two(), token, child.stack_name);
    expect(released.id).toBe(child.id);
    expect((released.tags ?? []).filter((t: string) => t.startsWith("hearth.owner."))).toEqual([]);
    // free now: a direct change needs no flag
    expect((await heat(two(), token, "PATCH", `stacks/${child.stack_name}/${child.id}`, { parameters: { size: 3 } })).status).toBe(202);
    expect((await heat(one(), token, "GET", `stacks/detaching/${parent.id}/resources/two`)).status).toBe(404);
    expect((await eventsOfTwo(parent)).some((e) => String(e.resource_status_reason).includes("resolved by detach"))).toBe(true);

    expect((await heat(one(), token, "DELETE", `stacks/detaching/${parent.id}`)).status).toBe(204);
    await settled(two(), token, child.stack_name);
    for (let i = 0; i < 100 && (await stackNamed(one(), token, "detaching")); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await stackNamed(one(), token, "detaching")).toBeUndefined();
    expect((await stackNamed(two(), token, child.stack_name)).id).toBe(child.id);
  }, 120_000);
});
