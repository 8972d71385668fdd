import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, settled, startHarness, type ApiHarness } from "./harness";
import { PAIR } from "./templates";

let api: ApiHarness;
let token: string;
const base = "/heat-api/v1/admin";

const GROUP = `heat_template_version: 2018-08-31
resources:
  group:
    type: OS::Heat::ResourceGroup
    properties:
      count: 2
      resource_def: { type: OS::Heat::TestResource, properties: { value: member } }
`;

beforeEach(async () => {
  api = await startHarness();
  ({ token } = await api.login("admin", ADMIN_PASSWORD, "admin"));
});
afterEach(() => api.close());

async function create(name: string, template: string): Promise<string> {
  const answer = await api.call("POST", `${base}/stacks`, { token, body: { stack_name: name, template } });
  expect(await settled(api, "admin", token, name)).toBe("CREATE_COMPLETE");
  return answer.body.stack.id;
}

describe("/heat-api resources and events", () => {
  it("lists resources with required_by and nested_depth, shows one, and marks it unhealthy", async () => {
    const id = await create("pair", PAIR);
    const list = await api.call("GET", `${base}/stacks/pair/${id}/resources`, { token });
    const first = list.body.resources.find((r: { resource_name: string }) => r.resource_name === "first");
    expect(first).toMatchObject({ resource_type: "OS::Heat::TestResource", resource_status: "CREATE_COMPLETE", required_by: ["second"] });
    const shown = await api.call("GET", `${base}/stacks/pair/${id}/resources/second`, { token });
    expect(shown.body.resource).toMatchObject({ resource_name: "second", region: "RegionTwo", attributes: { output: "hello" } });
    expect((await api.call("GET", `${base}/stacks/pair/${id}/resources/nope`, { token })).status).toBe(404);
    expect((await api.call("GET", `${base}/stacks/pair/${id}/resources/first/metadata`, { token })).body).toEqual({ metadata: {} });

    const marked = await api.call("PATCH", `${base}/stacks/pair/${id}/resources/first`, { token, body: { mark_unhealthy: true, resource_status_reason: "broken" } });
    expect(marked.status).toBe(200);
    const after = await api.call("GET", `${base}/stacks/pair/${id}/resources/first`, { token });
    expect(after.body.resource.resource_status).toBe("CHECK_FAILED");
    expect(after.body.resource.resource_status_reason).toContain("broken");

    const groupId = await create("grp", GROUP);
    const flat = await api.call("GET", `${base}/stacks/grp/${groupId}/resources`, { token });
    expect(flat.body.resources.map((r: { resource_name: string }) => r.resource_name)).toEqual(["group"]);
    const deep = await api.call("GET", `${base}/stacks/grp/${groupId}/resources?nested_depth=1`, { token });
    const members = deep.body.resources.filter((r: { parent_resource?: string }) => r.parent_resource === "group");
    expect(members.map((r: { resource_name: string }) => r.resource_name).sort()).toEqual(["0", "1"]);
  });

  it("pages, sorts and filters events of a stack and of one resource", async () => {
    const id = await create("ev", PAIR);
    const all = (await api.call("GET", `${base}/stacks/ev/${id}/events`, { token })).body.events;
    expect(all).toHaveLength(6);
    expect(all[0]).toMatchObject({ resource_name: "ev", resource_status: "CREATE_IN_PROGRESS", physical_resource_id: id });
    const page = await api.call("GET", `${base}/stacks/ev/${id}/events?marker=${all[1].id}&limit=2`, { token });
    expect(page.body.events.map((e: { id: string }) => e.id)).toEqual([all[2].id, all[3].id]);
    const desc = await api.call("GET", `${base}/stacks/ev/${id}/events?sort_dir=desc&limit=1`, { token });
    expect(desc.body.events[0].id).toBe(all[5].id);
    const second = await api.call("GET", `${base}/stacks/ev/${id}/resources/second/events`, { token });
    expect(second.body.events.map((e: { resource_status: string }) => e.resource_status)).toEqual(["CREATE_IN_PROGRESS", "CREATE_COMPLETE"]);
    const one = await api.call("GET", `${base}/stacks/ev/${id}/resources/second/events/${second.body.events[1].id}`, { token });
    expect(one.body.event.resource_status).toBe("CREATE_COMPLETE");
    const complete = await api.call("GET", `${base}/stacks/ev/${id}/events?resource_status=COMPLETE`, { token });
    expect(complete.body.events).toHaveLength(3);
    expect((await api.call("GET", `${base}/stacks/ev/${id}/events?marker=nope`, { token })).status).toBe(404);
  });
});

describe("/heat-api service routes", () => {
  it("lists resource types and shows a schema and a generated template", async () => {
    const types = await api.call("GET", `${base}/resource_types`, { token });
    expect(types.body.resource_types).toContain("OS::Nova::Server");
    const schema = await api.call("GET", `${base}/resource_types/OS::Heat::TestResource`, { token });
    expect(schema.body).toMatchObject({ resource_type: "OS::Heat::TestResource", properties: { value: { type: "string" } } });
    const template = await api.call("GET", `${base}/resource_types/OS::Heat::RandomString/template`, { token });
    expect(template.body.resources.resource.type).toBe("OS::Heat::RandomString");
    expect(template.body.outputs.value.value).toEqual({ get_attr: ["resource", "value"] });
    expect((await api.call("GET", `${base}/resource_types/OS::No::Such`, { token })).status).toBe(404);
  });

  it("lists template versions and their functions, build info, and validates templates", async () => {
    const versions = await api.call("GET", `${base}/template_versions`, { token });
    expect(versions.body.template_versions).toContainEqual({ version: "heat_template_version.2018-08-31", type: "hot", aliases: ["rocky"] });
    const functions = await api.call("GET", `${base}/template_versions/heat_template_version.2018-08-31/functions`, { token });
    expect(functions.body.template_functions.map((f: { functions: string }) => f.functions)).toContain("get_attr");
    expect((await api.call("GET", `${base}/build_info`, { token })).body.api.revision).toMatch(/^hearth-/);
    const valid = await api.call("POST", `${base}/validate`, { token, body: { template: PAIR } });
    expect(valid.body).toMatchObject({ Description: "A pair of test resources", Parameters: { greeting: { Type: "String", Default: "hello" } } });
    const invalid = await api.call("POST", `${base}/validate`, { token, body: { template: "heat_template_version: 2018-08-31\nresources: { a: { type: OS::Heat::TestResource, depends_on: [b] } }" } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.type).toBe("StackValidationFailed");
  });

  it("serves Heat's version document without a token", async () => {
    const answer = await api.call("GET", "/heat-api/");
    expect(answer.status).toBe(300);
    expect(answer.body.versions[0]).toMatchObject({ id: "v1.0", status: "CURRENT" });
  });
});
