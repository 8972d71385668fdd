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
