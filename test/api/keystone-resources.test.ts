/**
 * The OS::Keystone::* types on Hearth's own identity, through the Heat and Keystone REST APIs: the
 * cloud admin's stack creates a project and a user with a role on it, and the user logs in (identity
 * service and POST /identity/v3/auth/tokens); an update renames the project and disables the user
 * (login refused, its token no longer valid); delete refuses the login and leaves no identity object.
 * A stack of another project (demo, even by its admin) fails with Keystone's 403.
 */
import { describe, expect, it } from "vitest";
import { adminSession, settled } from "./harness";

const session = adminSession();
const base = "/heat-api/v1/admin";

const TEMPLATE = `
heat_template_version: 2018-08-31
parameters:
  project_name: { type: string, default: team }
  enabled: { type: boolean, default: true }
resources:
  project:
    type: OS::Keystone::Project
    properties: { name: { get_param: project_name }, description: made by a stack }
  user:
    type: OS::Keystone::User
    properties:
      name: alice
      password: alice-pass
      enabled: { get_param: enabled }
      default_project: { get_resource: project }
      roles: [{ role: member, project: { get_resource: project } }]
outputs:
  project_id: { value: { get_resource: project } }
`;

/** Alice's password login scoped to `project` through the Keystone API: the status. */
const aliceLogin = async (project: string) =>
  (
    await session.api.call("POST", "/identity/v3/auth/tokens", {
      body: { auth: { identity: { methods: ["password"], password: { user: { name: "alice", domain: { name: "Default" }, password: "alice-pass" } } }, scope: { project: { name: project, domain: { name: "Default" } } } } },
    })
  ).status;

describe("OS::Keystone types on Hearth's identity", () => {
  it("a created user logs in to the created project; rename and disable apply in place; delete removes both", async () => {
    const { api, token } = session;
    const created = await api.call("POST", `${base}/stacks`, { token, body: { stack_name: "ks", template: TEMPLATE } });
    expect(created.status).toBe(201);
    expect(await settled(api, "admin", token, "ks")).toBe("CREATE_COMPLETE");
    const stack = `${base}/stacks/ks/${created.body.stack.id}`;
    const projectId = (await api.call("GET", `${stack}/outputs/project_id`, { token })).body.output.output_value;

    const { info } = await api.hearth.identity.authenticate({ method: "password", user: "alice", password: "alice-pass" }, { project: "team" });
    expect(info.project).toEqual({ id: projectId, name: "team" });
    expect(info.roles.map((r) => r.name)).toEqual(["member"]);
    expect(await aliceLogin("team")).toBe(201);
    const aliceToken = (await api.login("alice", "alice-pass", "team")).token;
    expect((await api.call("GET", "/identity/v3/auth/tokens", { token: aliceToken, headers: { "x-subject-token": aliceToken } })).status).toBe(200);

    expect((await api.call("PATCH", stack, { token, body: { parameters: { project_name: "team-2", enabled: false } } })).status).toBe(202);
    expect(await settled(api, "admin", token, "ks")).toBe("UPDATE_COMPLETE");
    const project = (await api.hearth.identity.listProjects()).find((p) => p.id === projectId);
    expect(project?.name).toBe("team-2");
    expect(await aliceLogin("team-2")).toBe(401);
    await expect(api.hearth.identity.validate(aliceToken)).rejects.toThrow("Could not find token.");

    expect((await api.call("PATCH", stack, { token, body: { parameters: { enabled: true } } })).status).toBe(202);
    expect(await settled(api, "admin", token, "ks")).toBe("UPDATE_COMPLETE");
    expect(await aliceLogin("team-2")).toBe(201);

    expect((await api.call("DELETE", stack, { token })).status).toBe(204);
    expect(await settled(api, "admin", token, "ks")).toBe("GONE");
    expect(await aliceLogin("team-2")).toBe(401);
    expect((await api.hearth.identity.listUsers()).map((u) => u.name)).toEqual(["admin"]);
    expect((await api.hearth.identity.listProjects()).map((p) => p.name)).toEqual(["admin", "demo"]);
  });

  it("refuses the stack of a project that is not the cloud admin's with Keystone's 403", async () => {
    const { api } = session;
    const demo = await api.login("admin", "admin-secret", "demo");
    const demoBase = `/heat-api/v1/${demo.projectId}`;
    const created = await api.call("POST", `${demoBase}/stacks`, { token: demo.token, body: { stack_name: "ks", template: TEMPLATE } });
    expect(created.status).toBe(201);
    expect(await settled(api, demo.projectId, demo.token, "ks")).toBe("CREATE_FAILED");
    const shown = await api.call("GET", `${demoBase}/stacks/ks/${created.body.stack.id}`, { token: demo.token });
    expect(shown.body.stack.stack_status_reason).toBe(
      "Resource CREATE failed: Forbidden: resources.project: You are not authorized to perform the requested action: identity:create_project. (HTTP 403)",
    );
    expect((await api.hearth.identity.listUsers()).map((u) => u.name)).toEqual(["admin"]);
  });
});
