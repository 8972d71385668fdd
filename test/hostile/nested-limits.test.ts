/**
 * max_resources_per_stack counts a whole tree of nested stacks, as Heat does (the top stack and every
 * stack below it): a group whose size is known only once another resource exists (here an
 * OS::Heat::Value) and whose members would take the tree over the limit is refused when its nested
 * stack is created or resized, before any member is made. A size known at validation is refused with a
 * 400 instead (limit-cases.ts). Run with a limit of 10. A group inside a nested template (a provider
 * template, an OS::Heat::Stack child from the files map) whose known size takes the tree over is
 * refused at the parent's validate and create, through the API and the CLI, naming the template and
 * the sizing property, and nothing is stored.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, settled, startHarness, type ApiHarness } from "../api/harness";
import type { HostileCase } from "./limit-cases";
import { SURFACES, type Surface } from "./surfaces";

/** Two resources in the top stack: the group and the Value its count is read from at create. */
const group = (count: number) => `heat_template_version: 2018-08-31
resources:
  size:
    type: OS::Heat::Value
    properties: {type: number, value: ${count}}
  g:
    type: OS::Heat::ResourceGroup
    properties: {count: {get_attr: [size, value]}, resource_def: {type: OS::Heat::None}}
`;

let api: ApiHarness;
let admin: { token: string; projectId: string };
beforeEach(async () => {
  api = await startHarness({ limits: { maxResourcesPerStack: 10 } });
  admin = await api.login("admin", ADMIN_PASSWORD, "admin");
});
afterEach(() => api.close());

/** Sends a create (POST) or update (PUT) and waits for it; the stack's status and reason. */
async function run(method: "POST" | "PUT", name: string, template: string): Promise<string> {
  const base = `/heat-api/v1/${admin.projectId}/stacks`;
  const path = method === "POST" ? base : `${base}/${name}/${(await api.hearth.forProject(admin.projectId).getStack(name)).stack.id}`;
  const answer = await api.call(method, path, { token: admin.token, body: method === "POST" ? { stack_name: name, template } : { template } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(method === "POST" ? 201 : 202);
  const status = await settled(api, admin.projectId, admin.token, name);
  return `${status}: ${(await api.hearth.forProject(admin.projectId).getStack(name)).stack.statusReason}`;
}

const members = async (name: string) => {
  const { children } = await api.hearth.forProject(admin.projectId).getStack(name);
  return children.length ? (await api.hearth.forProject(admin.projectId).getStack(children[0].id)).resources.length : 0;
};

it("a group that fits the tree is made; resizing it past the tree's limit is refused and keeps its members", async () => {
  expect(await run("POST", "fits", group(8))).toMatch(/^CREATE_COMPLETE/);
  expect(await members("fits")).toBe(8);
  expect(await run("PUT", "fits", group(9))).toMatch(/^UPDATE_FAILED: .*Request limit exceeded: Maximum resources per stack exceeded\./);
  expect(await members("fits")).toBe(8);
});

it("a group whose members and the top stack together pass the limit makes no member", async () => {
  expect(await run("POST", "over", group(9))).toMatch(/^CREATE_FAILED: .*Request limit exceeded: Maximum resources per stack exceeded\./);
  expect(await members("over")).toBe(0);
});

it("a count of 100000 read at create fails the group before any member is listed, making no nested stack", async () => {
  expect(await run("POST", "huge", group(100_000))).toMatch(/^CREATE_FAILED: Resource CREATE failed: .*Request limit exceeded: Maximum resources per stack exceeded\./);
  expect((await api.hearth.forProject(admin.projectId).getStack("huge")).children).toEqual([]);
});

it("a group whose size is known at validation is refused with a 400 at its count, storing nothing", async () => {
  const template = group(9).replace("{get_attr: [size, value]}", "9");
  const answer = await api.call("POST", `/heat-api/v1/${admin.projectId}/stacks`, { token: admin.token, body: { stack_name: "known", template } });
  expect(answer.status).toBe(400);
  expect(answer.body.error).toMatchObject({ type: "RequestLimitExceeded", message: "8:18: error: Request limit exceeded: Maximum resources per stack exceeded. (at resources.g.properties.count)" });
  expect(await api.hearth.forProject(admin.projectId).listStacks({ includeNested: true })).toEqual([]);
});

const HOT = "heat_template_version: 2018-08-31\n";
/** A provider template with a ResourceGroup of 5000. */
const GROUP_FILE = `${HOT}resources:\n  group:\n    type: OS::Heat::ResourceGroup\n    properties: {count: 5000, resource_def: {type: OS::Heat::None}}\n`;
/** A child template with an AutoScalingGroup of max_size 5000. */
const ASG_FILE = `${HOT}resources:\n  asg:\n    type: OS::Heat::AutoScalingGroup\n    properties: {min_size: 1, max_size: 5000, resource: {type: OS::Heat::None}}\n`;
const PROVIDER = `${HOT}resources:\n  r: {type: nested.yaml}\n`;
const STACK = `${HOT}resources:\n  s:\n    type: OS::Heat::Stack\n    properties: {template: {get_file: child.yaml}}\n`;

const NESTED_CASES = (["validate", "create"] as const).flatMap((action): HostileCase[] => [
  {
    name: `a provider template's ResourceGroup of 5000 (${action})`,
    action,
    template: PROVIDER,
    files: { "nested.yaml": GROUP_FILE },
    refusal: /nested\.yaml: resources\.group\.properties\.count: Request limit exceeded: Maximum resources per stack exceeded\./,
    where: /3:7: error: .*\(at resources\.r\.type\)/,
  },
  {
    name: `an OS::Heat::Stack child's AutoScalingGroup of max_size 5000 (${action})`,
    action,
    template: STACK,
    files: { "child.yaml": ASG_FILE },
    refusal: /child\.yaml: resources\.asg\.properties\.max_size: Request limit exceeded: Maximum resources per stack exceeded\./,
    where: /\(at resources\.s\.properties\.template\)/,
  },
]);

describe.each(["api", "cli"] as const)("a group inside a nested template, through the %s", (surfaceName) => {
  let surface: Surface;
  beforeAll(async () => {
    surface = await SURFACES[surfaceName]();
  });
  afterAll(() => surface.close());

  it.each(NESTED_CASES.map((c, i) => [c.name, c, i] as const))("%s is refused at the parent, storing nothing", async (_name, c, i) => {
    const outcome = await surface.submit(c, `nested${i}`);
    expect(outcome.refused, outcome.text).toBe(true);
    expect(outcome.text).toMatch(c.refusal);
    expect(outcome.text).toMatch(c.where!);
    expect(outcome.text).not.toMatch(/CREATE_FAILED|IN_PROGRESS/);
    expect((await surface.hearth.listStacks({ includeNested: true })).filter((s) => s.name.startsWith(`nested${i}`))).toEqual([]);
  });
});
