import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, ORIGIN, settled, startHarness, type ApiHarness } from "./harness";
import { PAIR, WAITER } from "./templates";

let api: ApiHarness;
let token: string;
const base = "/heat-api/v1/admin";

beforeEach(async () => {
  api = await startHarness();
  ({ token } = await api.login("admin", ADMIN_PASSWORD, "admin"));
});
afterEach(() => api.close());

/** Creates a stack through the API and waits for it to settle. */
async function create(name: string, template = PAIR, extra: Record<string, unknown> = {}): Promise<string> {
  const answer = await api.call("POST", `${base}/stacks`, { token, body: { stack_name: name, template, ...extra } });
  expect(answer.status).toBe(201);
  await settled(api, "admin", token, name);
  return answer.body.stack.id;
}

describe("/heat-api/v1/{project}/stacks", () => {
  it("creates a stack (201 with links), lists it and shows it by name through Heat's redirect", async () => {
    const created = await api.call("POST", `${base}/stacks`, { token, body: { stack_name: "pair", template: PAIR, parameters: { greeting: "hi" }, tags: "a,b" } });
    expect(created.status).toBe(201);
    const id = created.body.stack.id;
    expect(created.body.stack.links).toEqual([{ href: `${ORIGIN}${base}/stacks/pair/${id}`, rel: "self" }]);
    expect(await settled(api, "admin", token, "pair")).toBe("CREATE_COMPLETE");

    const list = await api.call("GET", `${base}/stacks`, { token });
    expect(list.body.stacks[0]).toMatchObject({ id, stack_name: "pair", stack_status: "CREATE_COMPLETE", description: "A pair of test resources", tags: ["a", "b"], project: "admin" });
    const redirect = await api.call("GET", `${base}/stacks/pair`, { token });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe(`${ORIGIN}${base}/stacks/pair/${id}`);
    const byId = await api.call("GET", `${base}/stacks/${id}/outputs?x=1`, { token });
    expect(byId.headers.get("location")).toBe(`${ORIGIN}${base}/stacks/pair/${id}/outputs?x=1`);

    const shown = await api.call("GET", `${base}/stacks/pair/${id}`, { token });
    expect(shown.body.stack).toMatchObject({ stack_name: "pair", disable_rollback: true, parameters: { greeting: "hi", "OS::stack_name": "pair" } });
    expect(shown.body.stack.outputs).toEqual([{ output_key: "said", output_value: "hi", description: "what second stored" }]);
    expect((await api.call("GET", `${base}/stacks/other/${id}`, { token })).status).toBe(404);

    const outputs = await api.call("GET", `${base}/stacks/pair/${id}/outputs`, { token });
    expect(outputs.body).toEqual({ outputs: [{ output_key: "said", description: "what second stored" }] });
    const output = await api.call("GET", `${base}/stacks/pair/${id}/outputs/said`, { token });
    expect(output.body.output).toMatchObject({ output_key: "said", output_value: "hi" });
    const missing = await api.call("GET", `${base}/stacks/pair/${id}/outputs/nope`, { token });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 404, title: "Not Found", error: { type: "EntityNotFound", traceback: null } });
  });

  it("pages and sorts the stack list by marker, limit, sort_keys and sort_dir, and filters by status", async () => {
    const ids = [await create("s-b"), await create("s-a"), await create("s-c")];
    const byName = await api.call("GET", `${base}/stacks?sort_keys=stack_name&sort_dir=asc`, { token });
    expect(byName.body.stacks.map((s: { stack_name: string }) => s.stack_name)).toEqual(["s-a", "s-b", "s-c"]);
    const page = await api.call("GET", `${base}/stacks?sort_keys=stack_name&sort_dir=asc&limit=1&marker=${ids[1]}`, { token });
    expect(page.body.stacks.map((s: { stack_name: string }) => s.stack_name)).toEqual(["s-b"]);
    const complete = await api.call("GET", `${base}/stacks?status=COMPLETE`, { token });
    expect(complete.body.stacks).toHaveLength(3);
    const bad = await api.call("GET", `${base}/stacks?sort_keys=colour`, { token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("colour");
  });

  it("updates by PUT and PATCH (202), previews an update, and deletes (204)", async () => {
    const id = await create("upd");
    const patched = await api.call("PATCH", `${base}/stacks/upd/${id}`, { token, body: { parameters: { greeting: "patched" } } });
    expect(patched.status).toBe(202);
    expect(await settled(api, "admin", token, "upd")).toBe("UPDATE_COMPLETE");
    const output = await api.call("GET", `${base}/stacks/upd/${id}/outputs/said`, { token });
    expect(output.body.output.output_value).toBe("patched");

    const preview = await api.call("PUT", `${base}/stacks/upd/${id}/preview`, { token, body: { template: PAIR, parameters: { greeting: "again" } } });
    expect(preview.status).toBe(200);
    expect(Object.keys(preview.body.resource_changes).sort()).toEqual(["added", "deleted", "replaced", "unchanged", "updated"]);
    const noTemplate = await api.call("PUT", `${base}/stacks/upd/${id}`, { token, body: { parameters: {} } });
    expect(noTemplate.status).toBe(400);

    expect((await api.call("DELETE", `${base}/stacks/upd/${id}`, { token })).status).toBe(204);
    expect(await settled(api, "admin", token, "upd")).toBe("GONE");
    const deleteEnd = async () => (await api.call("GET", `${base}/stacks/upd/${id}/events?resource_name=upd&sort_dir=desc&limit=1`, { token })).body;
    await expect.poll(deleteEnd, { timeout: 10_000, interval: 10 }).toMatchObject({ events: [{ resource_status: "DELETE_COMPLETE" }] });
    expect((await api.call("GET", `${base}/stacks/upd/${id}`, { token })).status).toBe(404);
  });

  it("serves a stack's template, environment, files and export", async () => {
    const id = await create("tpl", PAIR, { environment: { parameters: { greeting: "env" } }, files: { "a.txt": "A" } });
    const template = await api.call("GET", `${base}/stacks/tpl/${id}/template`, { token });
    expect(template.body.heat_template_version).toBe("2018-08-31");
    const env = await api.call("GET", `${base}/stacks/tpl/${id}/environment`, { token });
    expect(env.body.parameters).toEqual({ greeting: "env" });
    expect(env.body.resource_registry).toEqual({ resources: {} });
    const files = await api.call("GET", `${base}/stacks/tpl/${id}/files`, { token });
    expect(files.body).toEqual({ "a.txt": "A" });
    const exported = await api.call("GET", `${base}/stacks/tpl/${id}/export`, { token });
    expect(exported.body).toMatchObject({ id, name: "tpl", action: "CREATE", status: "COMPLETE", project_id: "admin", files: { "a.txt": "A" } });
    expect(Object.keys(exported.body.resources).sort()).toEqual(["first", "second"]);
    expect(exported.body.resources.first).toMatchObject({ type: "OS::Heat::TestResource", status: "COMPLETE" });
  });

  it("runs actions: suspend, resume, check; refuses an unknown one", async () => {
    const id = await create("act");
    for (const [action, status] of [["suspend", "SUSPEND_COMPLETE"], ["resume", "RESUME_COMPLETE"], ["check", "CHECK_COMPLETE"]]) {
      expect((await api.call("POST", `${base}/stacks/act/${id}/actions`, { token, body: { [action]: null } })).status).toBe(200);
      expect(await settled(api, "admin", token, "act")).toBe(status);
    }
    const unknown = await api.call("POST", `${base}/stacks/act/${id}/actions`, { token, body: { explode: null } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("Invalid action explode");
    const cancel = await api.call("POST", `${base}/stacks/act/${id}/actions`, { token, body: { cancel_update: null } });
    expect(cancel.status).toBe(400);
    expect(cancel.body.error.message).toMatch(/cancel/i);
  });

  it("previews a create without creating anything", async () => {
    const answer = await api.call("POST", `${base}/stacks/preview`, { token, body: { stack_name: "pv", template: PAIR } });
    expect(answer.status).toBe(200);
    expect(answer.body.stack.resources.map((r: { resource_name: string; region: string }) => [r.resource_name, r.region])).toEqual([
      ["first", "RegionOne"],
      ["second", "RegionTwo"],
    ]);
    expect(answer.body.stack).toMatchObject({ id: "None", stack_name: "pv", description: "A pair of test resources", disable_rollback: true, parent: null, parameters: { "OS::stack_id": "None", "OS::stack_name": "pv" } });
    expect(answer.body.stack.resources[0]).toMatchObject({ resource_action: "INIT", resource_status: "COMPLETE", physical_resource_id: "", metadata: {}, required_by: ["second"], resource_identity: { path: "/resources/first", stack_id: "None" } });
    expect((await api.call("GET", `${base}/stacks`, { token })).body.stacks).toEqual([]);
  });

  it("signals a wait condition handle through the resource signal route", async () => {
    const created = await api.call("POST", `${base}/stacks`, { token, body: { stack_name: "waiter", template: WAITER } });
    const id = created.body.stack.id;
    for (;;) {
      const handle = await api.call("GET", `${base}/stacks/waiter/${id}/resources/handle`, { token });
      if (handle.status === 200 && handle.body.resource.resource_status === "CREATE_COMPLETE") break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const signal = await api.call("POST", `${base}/stacks/waiter/${id}/resources/handle/signal`, { token, body: { status: "SUCCESS", data: "ready", id: "1" } });
    expect(signal.status).toBe(200);
    expect(await settled(api, "admin", token, "waiter")).toBe("CREATE_COMPLETE");
    const output = await api.call("GET", `${base}/stacks/waiter/${id}/outputs/data`, { token });
    expect(JSON.parse(output.body.output.output_value)).toEqual({ "1": "ready" });
  });
});
