/**
 * The Keystone group and catalogue types through the engine, on the in-memory identity service: a
 * group holds a role on a project and a user joins it (`groups`), so the user logs in there though it
 * holds no role of its own; a GroupRoleAssignment adds a second project; leaving the group or deleting
 * the stack ends the login. A domain, a service, a region with a child and an endpoint of the service
 * in the child region are records with the fields Keystone shows; an update changes them in place,
 * a new region id replaces the region; delete leaves nothing. Another project's stack gets the 403.
 */
import { describe, expect, it } from "vitest";
import { createTestEngine, MemoryIdentity } from "../../testing";

const ADMIN = "admin-project";
const status = (s: { action: string; status: string }) => `${s.action}_${s.status}`;

const groupTemplate = (opts: { inGroup: boolean; secondProject: boolean }) =>
  JSON.stringify({
    heat_template_version: "2018-08-31",
    resources: {
      team: { type: "OS::Keystone::Project", properties: { name: "team" } },
      lab: { type: "OS::Keystone::Project", properties: { name: "lab" } },
      devs: { type: "OS::Keystone::Group", properties: { name: "devs", description: "developers", roles: [{ role: "member", project: { get_resource: "team" } }] } },
      bob: { type: "OS::Keystone::User", properties: { name: "bob", password: "bob-pass", groups: opts.inGroup ? [{ get_resource: "devs" }] : [] } },
      ...(opts.secondProject
        ? { lab_grant: { type: "OS::Keystone::GroupRoleAssignment", properties: { group: { get_resource: "devs" }, roles: [{ role: "reader", project: { get_resource: "lab" } }] } } }
        : {}),
    },
    outputs: { group: { value: { get_attr: ["devs", "show"] } } },
  });

const catalogueTemplate = (opts: { url: string; regionId: string }) =>
  JSON.stringify({
    heat_template_version: "2018-08-31",
    resources: {
      domain: { type: "OS::Keystone::Domain", properties: { name: "partners", description: "partner accounts" } },
      service: { type: "OS::Keystone::Service", properties: { name: "billing", type: "billing", description: "invoices" } },
      parent: { type: "OS::Keystone::Region", properties: { id: "EU", description: "Europe" } },
      region: { type: "OS::Keystone::Region", properties: { id: opts.regionId, parent_region: { get_resource: "parent" } } },
      endpoint: {
        type: "OS::Keystone::Endpoint",
        properties: { service: { get_resource: "service" }, region: { get_resource: "region" }, interface: "public", url: opts.url },
      },
    },
    outputs: {
      endpoint: { value: { get_attr: ["endpoint", "show"] } },
      region: { value: { get_attr: ["region", "show"] } },
      domain: { value: { get_attr: ["domain", "show"] } },
    },
  });

const outputsOf = async (t: ReturnType<typeof createTestEngine>, id: string) => Object.fromEntries((await t.engine.outputs(id)).map((o) => [o.key, o.value]));

describe("OS::Keystone::Group and GroupRoleAssignment", () => {
  it("a group member logs in to the group's projects; leaving the group or deleting ends it", async () => {
    const identity = new MemoryIdentity(ADMIN);
    const t = createTestEngine({ identity });
    const created = await t.finish(await t.engine.create("grp", { template: groupTemplate({ inGroup: true, secondProject: true }) }, { projectId: ADMIN }));
    expect(status(created), created.statusReason).toBe("CREATE_COMPLETE");
    expect(identity.grants.size).toBe(0);
    expect(identity.canLogIn("bob", "bob-pass", "team")).toBe(true);
    expect(identity.canLogIn("bob", "bob-pass", "lab")).toBe(true);
    expect(identity.canLogIn("bob", "wrong", "team")).toBe(false);
    const group = [...identity.groups.values()][0];
    expect((await outputsOf(t, created.id)).group).toEqual({ id: group.id, name: "devs", description: "developers", domain_id: "default" });

    const left = await t.finish(await t.engine.update(created.id, { template: groupTemplate({ inGroup: false, secondProject: false }) }));
    expect(status(left), left.statusReason).toBe("UPDATE_COMPLETE");
    expect(identity.canLogIn("bob", "bob-pass", "team")).toBe(false);
    expect(identity.groupGrants.size).toBe(1);

    const rejoined = await t.finish(await t.engine.update(created.id, { template: groupTemplate({ inGroup: true, secondProject: false }) }));
    expect(status(rejoined), rejoined.statusReason).toBe("UPDATE_COMPLETE");
    expect(identity.canLogIn("bob", "bob-pass", "team")).toBe(true);
    expect(identity.canLogIn("bob", "bob-pass", "lab")).toBe(false);

    const deleted = await t.finish(await t.engine.delete(created.id));
    expect(status(deleted), deleted.statusReason).toBe("DELETE_COMPLETE");
    expect([identity.groups.size, identity.members.size, identity.groupGrants.size, identity.users.size]).toEqual([0, 0, 0, 0]);
  });

  it("a group outside the default domain is refused by name", async () => {
    const identity = new MemoryIdentity(ADMIN);
    const t = createTestEngine({ identity });
    const template = JSON.stringify({ heat_template_version: "2018-08-31", resources: { g: { type: "OS::Keystone::Group", properties: { domain: "other" } } } });
    const created = await t.finish(await t.engine.create("grp", { template }, { projectId: ADMIN }));
    expect(status(created)).toBe("CREATE_FAILED");
    expect(created.statusReason).toMatch(/resources\.g: A group can only live in the default domain/);
    expect(identity.groups.size).toBe(0);
  });
});

describe("OS::Keystone::Domain, Service, Region and Endpoint", () => {
  it("create records Keystone shows, update them in place (a new region id replaces), delete leaves nothing", async () => {
    const identity = new MemoryIdentity(ADMIN);
    const t = createTestEngine({ identity });
    const created = await t.finish(await t.engine.create("cat", { template: catalogueTemplate({ url: "https://billing.example/v1", regionId: "EU-West" }) }, { projectId: ADMIN }));
    expect(status(created), created.statusReason).toBe("CREATE_COMPLETE");
    const service = [...identity.records.values()].find((r) => r.kind === "service")!;
    const outputs = await outputsOf(t, created.id);
    expect(outputs.endpoint).toMatchObject({ interface: "public", url: "https://billing.example/v1", service_id: service.id, region_id: "EU-West", region: "EU-West", enabled: true });
    expect(outputs.region).toEqual({ id: "EU-West", description: "", parent_region_id: "EU", enabled: true });
    expect(outputs.domain).toMatchObject({ name: "partners", description: "partner accounts", enabled: true });
    expect(service.fields).toEqual({ type: "billing", description: "invoices", enabled: true });

    const updated = await t.finish(await t.engine.update(created.id, { template: catalogueTemplate({ url: "https://billing.example/v2", regionId: "EU-North" }) }));
    expect(status(updated), updated.statusReason).toBe("UPDATE_COMPLETE");
    const endpoints = [...identity.records.values()].filter((r) => r.kind === "endpoint");
    expect(endpoints.map((e) => [e.fields.url, e.fields.region_id])).toEqual([["https://billing.example/v2", "EU-North"]]);
    expect([...identity.records.values()].filter((r) => r.kind === "region").map((r) => r.id).sort()).toEqual(["EU", "EU-North"]);

    const deleted = await t.finish(await t.engine.delete(created.id));
    expect(status(deleted), deleted.statusReason).toBe("DELETE_COMPLETE");
    expect(identity.records.size).toBe(0);
  });

  it("an endpoint of an unknown service fails naming it, and another project's stack gets Keystone's 403", async () => {
    const identity = new MemoryIdentity(ADMIN);
    const t = createTestEngine({ identity });
    const template = JSON.stringify({
      heat_template_version: "2018-08-31",
      resources: { e: { type: "OS::Keystone::Endpoint", properties: { service: "nowhere", interface: "admin", url: "http://x" } } },
    });
    const missing = await t.finish(await t.engine.create("ep", { template }, { projectId: ADMIN }));
    expect(status(missing)).toBe("CREATE_FAILED");
    expect(missing.statusReason).toMatch(/NotFound: resources\.e: Could not find service: nowhere\. \(HTTP 404\)/);
    const refused = await t.finish(await t.engine.create("cat", { template: catalogueTemplate({ url: "http://x", regionId: "R" }) }, { projectId: "p1" }));
    expect(status(refused)).toBe("CREATE_FAILED");
    expect(refused.statusReason).toMatch(/Forbidden: resources\.\w+: You are not authorized to perform the requested action: identity:create_(domain|service|region)\. \(HTTP 403\)/);
    expect(identity.records.size).toBe(0);
  });
});
