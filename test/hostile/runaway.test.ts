/**
 * A runaway nested create (issue 13, finding 3): a stack that includes itself through OS::Heat::Stack,
 * each level waiting on a slow resource. It stops at max_nested_stack_depth by itself; cancel and
 * delete of the top stack stop every level below it, and no stack is left IN_PROGRESS.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { ADMIN_PASSWORD, settled, startHarness, type ApiHarness } from "../api/harness";

const RUNAWAY = `heat_template_version: 2018-08-31
resources:
  slow: {type: OS::Heat::TestResource, properties: {action_wait_secs: {create: 60}}}
  again:
    type: OS::Heat::Stack
    properties:
      template: {get_file: runaway.yaml}
`;

let api: ApiHarness;
let admin: { token: string; projectId: string };
beforeEach(async () => {
  api = await startHarness();
  admin = await api.login("admin", ADMIN_PASSWORD, "admin");
});
afterEach(() => api.close());

/** Every stack of the project, nested ones included, with its status. */
const family = async () => (await api.hearth.forProject(admin.projectId).listStacks({ includeNested: true })).map((s) => ({ name: s.name, status: s.status }));

/** Starts the runaway create and waits until it is as deep as it may go (the top plus five levels). */
async function startRunaway(): Promise<string> {
  const base = `/heat-api/v1/${admin.projectId}`;
  const created = await api.call("POST", `${base}/stacks`, { token: admin.token, body: { stack_name: "runaway", template: RUNAWAY, files: { "runaway.yaml": RUNAWAY } } });
  expect(created.status).toBe(201);
  while ((await family()).length < 6) await new Promise((resolve) => setTimeout(resolve, 10));
  return `${base}/stacks/runaway/${created.body.stack.id}`;
}

it("cancel of the top stack stops every nested level", async () => {
  const stack = await startRunaway();
  const cancelled = await api.call("POST", `${stack}/actions`, { token: admin.token, body: { cancel_without_rollback: null } });
  expect(cancelled.status).toBe(200);
  expect(await settled(api, admin.projectId, admin.token, "runaway")).toBe("CREATE_FAILED");
  const stacks = await family();
  expect(stacks.length).toBe(6);
  expect(stacks.filter((s) => s.status.endsWith("IN_PROGRESS"))).toEqual([]);
});

it("delete of the top stack stops the create and removes every nested level", async () => {
  const stack = await startRunaway();
  const deleted = await api.call("DELETE", stack, { token: admin.token });
  expect(deleted.status).toBe(204);
  expect(await settled(api, admin.projectId, admin.token, "runaway")).toBe("GONE");
  expect(await family()).toEqual([]);
});
