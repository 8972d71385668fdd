/**
 * OS::Keystone::Group, GroupRoleAssignment, Domain, Service, Region and Endpoint on Hearth's identity,
 * through the Heat and Keystone REST APIs: a group holds a role on a created project and a created
 * user joins it, so the user logs in there (POST /identity/v3/auth/tokens) with no role of its own;
 * GET /identity/v3/groups, /groups/{id}/users, /domains, /services, /regions and /endpoints list what
 * the stack made after the built-in rows, show one by id or name and filter by field; an update moves
 * the endpoint's url in place; delete ends the login and the records. A member of a project only
 * (not the cloud admin) is refused the admin reads with Keystone's 403 but may list regions.
 */
import { describe, expect, it } from "vitest";
import { adminSession, settled } from "./harness";

const session = adminSession();
const base = "/heat-api/v1/admin";

const TEMPLATE = `
heat_template_version: 2018-08-31
parameters:
  url: { type: string, default: "https://billing.example/v1" }
resources:
  team: { type: OS::Keystone::Project, properties: { name: team } }
  devs:
    type: OS::Keystone::Group
    properties: { name: devs, description: developers }
  devs_on_team:
    type: OS::Keystone::GroupRoleAssignment
    properties: { group: { get_resource: devs }, roles: [{ role: member, project: { get_resource: team } }] }
  bob:
    type: OS::Keystone::User
    properties: { name: bob, password: bob-pass, groups: [{ get_resource: devs }] }
  partners: { type: OS::Keystone::Domain, properties: { name: partners, description: partner accounts } }
  billing: { type: OS::Keystone::Service, properties: { name: billing, type: billing } }
  eu: { type: OS::Keystone::Region, properties: { id: EU, description: Europe } }
  billing_eu:
    type: OS::Keystone::Endpoint
    properties: { service: { get_resource: billing }, region: { get_resource: eu }, interface: public, url: { get_param: url } }
outputs:
  endpoint: { value: { get_attr: [billing_eu, show] } }
`;

/** Bob's password login scoped to `project`: the status. */
const bobLogin = async (project: string) =>
  (
    await session.api.call("POST", "/identity/v3/auth/tokens", {
      body: { auth: { identity: { methods: ["password"], password: { user: { name: "bob", password: "bob-pass" } } }, scope: { project: { name: project } } } },
    })
  ).status;

describe("Keystone groups and catalogue records on Hearth's identity", () => {
  it("a group member logs in; the Keystone API lists, shows and filters the records; delete removes them", async () => {
    const { api, token } = session;
    const created = await api.call("POST", `${base}/stacks`, { token, body: { stack_name: "dir", template: TEMPLATE } });
    expect(created.status).toBe(201);
    expect(await settled(api, "admin", token, "dir")).toBe("CREATE_COMPLETE");
    const stack = `${base}/stacks/dir/${created.body.stack.id}`;
    expect(await bobLogin("team")).toBe(201);
    const { info } = await api.hearth.identity.authenticate({ method: "password", user: "bob", password: "bob-pass" }, { project: "team" });
    expect(info.roles.map((r) => r.name)).toEqual(["member"]);

    const groups = (await api.call("GET", "/identity/v3/groups", { token })).body.groups;
    expect(groups.map((g: { name: string }) => g.name)).toEqual(["devs"]);
    expect((await api.call("GET", `/identity/v3/groups/${groups[0].id}/users`, { token })).body.users.map((u: { name: string }) => u.name)).toEqual(["bob"]);
    expect((await api.call("GET", "/identity/v3/groups/devs", { token })).body.group).toMatchObject({ id: groups[0].id, description: "developers", domain_id: "default" });

    expect((await api.call("GET", "/identity/v3/domains", { token })).body.domains.map((d: { name: string }) => d.name)).toEqual(["Default", "partners"]);
    const services = (await api.call("GET", "/identity/v3/services", { token })).body.services;
    expect(services.map((s: { type: string }) => s.type)).toEqual(["orchestration", "identity", "billing"]);
    const billing = services[2];
    expect((await api.call("GET", "/identity/v3/services/billing", { token })).body.service).toMatchObject({ id: billing.id, name: "billing", enabled: true });
    const regions = (await api.call("GET", "/identity/v3/regions", { token })).body.regions;
    expect(regions.at(-1)).toMatchObject({ id: "EU", description: "Europe", parent_region_id: null });
    const endpoints = (await api.call("GET", `/identity/v3/endpoints?service_id=${billing.id}`, { token })).body.endpoints;
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0]).toMatchObject({ service_id: billing.id, region_id: "EU", interface: "public", url: "https://billing.example/v1" });
    const output = (await api.call("GET", `${stack}/outputs/endpoint`, { token })).body.output.output_value;
    expect(output).toMatchObject({ id: endpoints[0].id, url: "https://billing.example/v1" });

    expect((await api.call("PATCH", stack, { token, body: { parameters: { url: "https://billing.example/v2" } } })).status).toBe(202);
    expect(await settled(api, "admin", token, "dir")).toBe("UPDATE_COMPLETE");
    const moved = (await api.call("GET", `/identity/v3/endpoints/${endpoints[0].id}`, { token })).body.endpoint;
    expect(moved.url).toBe("https://billing.example/v2");

    expect((await api.call("DELETE", stack, { token })).status).toBe(204);
    expect(await settled(api, "admin", token, "dir")).toBe("GONE");
    expect(await bobLogin("team")).toBe(401);
    expect((await api.call("GET", "/identity/v3/groups", { token })).body.groups).toEqual([]);
    expect((await api.call("GET", "/identity/v3/services", { token })).body.services.map((s: { type: string }) => s.type)).toEqual(["orchestration", "identity"]);
    expect((await api.call("GET", "/identity/v3/services/billing", { token })).status).toBe(404);
  });

  it("refuses the admin reads to a project member with Keystone's 403, lets it list regions", async () => {
    const { api } = session;
    await api.hearth.identity.createUser("carol", "carol-pass");
    await api.hearth.identity.assignRole("carol", "demo", "member");
    const carol = await api.login("carol", "carol-pass", "demo");
    for (const path of ["groups", "domains", "services", "endpoints"]) {
      const answer = await api.call("GET", `/identity/v3/${path}`, { token: carol.token });
      expect(answer.status, path).toBe(403);
      expect(answer.body.error.message).toMatch(/You are not authorized to perform the requested action/);
    }
    expect((await api.call("GET", "/identity/v3/regions", { token: carol.token })).status).toBe(200);
  });
});
