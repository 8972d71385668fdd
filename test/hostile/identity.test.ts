/**
 * Hostile identity calls: a project's admin tries to administer identity (grant herself admin on the
 * admin project, make users, list everyone), and a user looks up or revokes another user's token.
 * Keystone's rules: identity belongs to the cloud admin; a token to its own user or the cloud admin.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, startHarness, type ApiHarness } from "../api/harness";

let api: ApiHarness;
let cloudAdmin: string;
/** Pam is the admin of project "team" only. */
let pam: { token: string; projectId: string; userId: string };

beforeEach(async () => {
  api = await startHarness();
  cloudAdmin = (await api.login("admin", ADMIN_PASSWORD, "admin")).token;
  await api.hearth.identity.createProject("team");
  const user = await api.hearth.identity.createUser("pam", "pw");
  await api.hearth.identity.assignRole("pam", "team", "admin");
  pam = { ...(await api.login("pam", "pw", "team")), userId: user.id };
});
afterEach(() => api.close());

const FORBIDDEN = "You are not authorized to perform the requested action: it needs the admin role on the admin project (an admin of another project administers only that project's stacks).";

describe("a project's admin is not an identity admin", () => {
  it("refuses her every grant, even on her own project, and every directory change, with 403 naming the admin project", async () => {
    const attempts: [string, string, unknown?][] = [
      ["PUT", `/identity/v3/projects/admin/users/${pam.userId}/roles/admin`],
      ["PUT", `/identity/v3/projects/${pam.projectId}/users/${pam.userId}/roles/member`],
      ["POST", "/identity/v3/users", { user: { name: "sock", password: "pw" } }],
      ["POST", "/identity/v3/projects", { project: { name: "mine" } }],
      ["GET", "/identity/v3/users"],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await api.call(method, path, { token: pam.token, body });
      expect([method, path, answer.status, answer.body.error.message]).toEqual([method, path, 403, FORBIDDEN]);
    }
    expect((await api.hearth.identity.projectsOf(pam.userId)).map((p) => p.name)).toEqual(["team"]);
    expect((await api.call("POST", "/identity/v3/auth/tokens", { body: scoped("pam", "admin") })).status).toBe(401);
    const listed = await api.call("GET", "/identity/v3/projects", { token: pam.token });
    expect(listed.body.projects.map((p: { name: string }) => p.name)).toEqual(["team"]);
  });

  it("lets the cloud admin grant, and shows which token is the admin project's", async () => {
    expect((await api.call("PUT", `/identity/v3/projects/${pam.projectId}/users/${pam.userId}/roles/reader`, { token: cloudAdmin })).status).toBe(204);
    const shown = await api.call("GET", "/identity/v3/auth/tokens", { token: cloudAdmin, headers: { "x-subject-token": pam.token } });
    expect(shown.body.token.is_admin_project).toBe(false);
    const own = await api.call("GET", "/identity/v3/auth/tokens", { token: cloudAdmin, headers: { "x-subject-token": cloudAdmin } });
    expect(own.body.token.is_admin_project).toBe(true);
  });
});

describe("tokens of other users", () => {
  it("are not found for anyone but their user and the cloud admin, and survive a revoke attempt", async () => {
    await api.hearth.identity.createUser("bob", "pw");
    await api.hearth.identity.assignRole("bob", "demo", "member");
    const bob = await api.login("bob", "pw", "demo");
    const invalid = await api.call("GET", "/identity/v3/auth/tokens", { token: bob.token, headers: { "x-subject-token": "no-such-token" } });
    expect(invalid).toMatchObject({ status: 404, body: { error: { message: "Could not find token." } } });
    for (const method of ["GET", "DELETE"]) {
      const answer = await api.call(method, "/identity/v3/auth/tokens", { token: bob.token, headers: { "x-subject-token": pam.token } });
      expect([method, answer.status, answer.body.error.message]).toEqual([method, 404, "Could not find token."]);
    }
    expect((await api.call("GET", "/identity/v3/auth/tokens", { token: pam.token, headers: { "x-subject-token": pam.token } })).status).toBe(200);
    expect((await api.call("GET", "/identity/v3/auth/tokens", { token: cloudAdmin, headers: { "x-subject-token": bob.token } })).status).toBe(200);
  });
});

/** A password auth body for `user` scoped to `project`. */
function scoped(user: string, project: string): unknown {
  return { auth: { identity: { methods: ["password"], password: { user: { name: user, password: "pw" } } }, scope: { project: { name: project } } } };
}
