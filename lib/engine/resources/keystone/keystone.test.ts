/**
 * The Keystone types through the engine, on the in-memory identity service: a stack of the cloud
 * admin's project creates a project and a user with a role on it, and the user can log in; an update
 * renames the project and disables the user (login refused), a role assignment grants and revokes;
 * delete leaves nothing. Another project's stack is refused in Keystone's 403 words.
 */
import { describe, expect, it } from "vitest";
import { createTestEngine, MemoryIdentity } from "../../testing";

const ADMIN = "admin-project";

const template = (opts: { projectName: string; enabled: boolean; extraRole?: boolean }) =>
  JSON.stringify({
    heat_template_version: "2018-08-31",
    resources: {
      project: { type: "OS::Keystone::Project", properties: { name: opts.projectName, description: "made by a stack" } },
      auditor: { type: "OS::Keystone::Role", properties: { name: "auditor" } },
      user: {
        type: "OS::Keystone::User",
        properties: {
          name: "alice",
          password: "s3cret-pass",
          enabled: opts.enabled,
          default_project: { get_resource: "project" },
          roles: [{ role: "member", project: { get_resource: "project" } }],
        },
      },
      ...(opts.extraRole
        ? { grant: { type: "OS::Keystone::UserRoleAssignment", properties: { user: { get_resource: "user" }, roles: [{ role: { get_resource: "auditor" }, project: { get_resource: "project" } }] } } }
        : {}),
    },
    outputs: {
      project_name: { value: { get_attr: ["project", "name"] } },
      default_project: { value: { get_attr: ["user", "default_project_id"] } },
      enabled: { value: { get_attr: ["user", "enabled"] } },
    },
  });

const status = (s: { action: string; status: string }) => `${s.action}_${s.status}`;

describe("OS::Keystone types on the identity service", () => {
  it("create a project and a user who can log in, update (rename, disable, grant), delete leaves nothing", async () => {
    const identity = new MemoryIdentity(ADMIN);
    const t = createTestEngine({ identity });
    const created = await t.finish(await t.engine.create("ks", { template: template({ projectName: "team", enabled: true }) }, { projectId: ADMIN }));
    expect(status(created), created.statusReason).toBe("CREATE_COMPLETE");
    expect(identity.canLogIn("alice", "s3cret-pass", "team")).toBe(true);
    expect(identity.canLogIn("alice", "wrong", "team")).toBe(false);
    const outputs = Object.fromEntries((await t.engine.outputs(created.id)).map((o) => [o.key, o.value]));
    const projectId = [...identity.projects.values()].find((p) => p.name === "team")!.id;
    expect(outputs).toEqual({ project_name: "team", default_project: projectId, enabled: true });

    const updated = await t.finish(await t.engine.update(created.id, { template: template({ projectName: "team-2", enabled: false, extraRole: true }) }));
    expect(status(updated), updated.statusReason).toBe("UPDATE_COMPLETE");
    expect([...identity.projects.values()].map((p) => p.name).sort()).toEqual(["admin", "team-2"]);
    expect([...identity.projects.values()].find((p) => p.name === "team-2")!.id).toBe(projectId);
    expect(identity.canLogIn("alice", "s3cret-pass", "team-2")).toBe(false);
    expect(identity.grants.size).toBe(2);

    const reenabled = await t.finish(await t.engine.update(created.id, { template: template({ projectName: "team-2", enabled: true }) }));
    expect(status(reenabled), reenabled.statusReason).toBe("UPDATE_COMPLETE");
    expect(identity.canLogIn("alice", "s3cret-pass", "team-2")).toBe(true);
    expect(identity.grants.size).toBe(1);

    const deleted = await t.finish(await t.engine.delete(created.id));
    expect(status(deleted), deleted.statusReason).toBe("DELETE_COMPLETE");
    expect(identity.canLogIn("alice", "s3cret-pass", "team-2")).toBe(false);
    expect([...identity.projects.keys()]).toEqual([ADMIN]);
    expect([...identity.users.keys()]).toEqual([]);
    expect([...identity.roles.values()].map((r) => r.name).sort()).toEqual(["admin", "member", "reader"]);
    expect(identity.grants.size).toBe(0);
  });

  it("refuses another project's stack with Keystone's 403", async () => {
    const identity = new MemoryIdentity(ADMIN);
    const t = createTestEngine({ identity });
    const created = await t.finish(await t.engine.create("ks", { template: template({ projectName: "team", enabled: true }) }, { projectId: "p1" }));
    expect(status(created)).toBe("CREATE_FAILED");
    expect(created.statusReason).toMatch(/Forbidden: resources\.(project|auditor|user): You are not authorized to perform the requested action: identity:create_(project|role)\. \(HTTP 403\)/);
    expect(identity.projects.size).toBe(1);
  });
});
