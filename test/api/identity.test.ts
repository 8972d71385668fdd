import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, ORIGIN, startHarness, type ApiHarness } from "./harness";

let api: ApiHarness;
beforeEach(async () => {
  api = await startHarness();
});
afterEach(() => api.close());

const passwordAuth = (name: string, password: string, scope?: unknown) => ({
  auth: { identity: { methods: ["password"], password: { user: { name, domain: { id: "default" }, password } } }, ...(scope ? { scope } : {}) },
});

describe("/identity/v3 (Keystone subset)", () => {
  it("serves the version documents", async () => {
    const root = await api.call("GET", "/identity");
    expect(root.status).toBe(300);
    expect(root.body.versions.values[0]).toMatchObject({ id: "v3.14", status: "stable" });
    const v3 = await api.call("GET", "/identity/v3");
    expect(v3.body.version.links[0].href).toBe(`${ORIGIN}/identity/v3/`);
  });

  it("issues a project-scoped token with a catalog of every region's orchestration endpoint", async () => {
    const answer = await api.call("POST", "/identity/v3/auth/tokens", { body: passwordAuth("admin", ADMIN_PASSWORD, { project: { name: "admin", domain: { name: "Default" } } }) });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("x-subject-token")).toMatch(/^[\w-]{43}$/);
    const { token } = answer.body;
    expect(token.methods).toEqual(["password"]);
    expect(token.project).toMatchObject({ id: "admin", name: "admin", domain: { id: "default" } });
    expect(token.roles.map((r: { name: string }) => r.name)).toEqual(["admin"]);
    expect(token.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const heat = token.catalog.find((s: { type: string }) => s.type === "orchestration");
    expect(heat.endpoints.map((e: { region: string; url: string }) => [e.region, e.url])).toEqual([
      ["RegionOne", `${ORIGIN}/heat-api/v1/admin`],
      ["RegionTwo", `${ORIGIN}/heat-api/region/RegionTwo/v1/admin`],
      ["RegionThree", `${ORIGIN}/heat-api/region/RegionThree/v1/admin`],
    ]);
    expect(token.catalog.some((s: { type: string }) => s.type === "identity")).toBe(true);
  });

  it("refuses a wrong password with Keystone's 401 body and a malformed body with a 400", async () => {
    const wrong = await api.call("POST", "/identity/v3/auth/tokens", { body: passwordAuth("admin", "nope") });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ code: 401, title: "Unauthorized" });
    expect(wrong.headers.get("www-authenticate")).toContain("/identity");
    const malformed = await api.call("POST", "/identity/v3/auth/tokens", { body: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain("not valid JSON");
  });

  it("validates, rescopes by token method and revokes tokens", async () => {
    const unscoped = await api.call("POST", "/identity/v3/auth/tokens", { body: passwordAuth("admin", ADMIN_PASSWORD) });
    const first = unscoped.headers.get("x-subject-token")!;
    expect(unscoped.body.token.catalog).toBeUndefined();
    const rescoped = await api.call("POST", "/identity/v3/auth/tokens", { body: { auth: { identity: { methods: ["token"], token: { id: first } }, scope: { project: { name: "demo" } } } } });
    expect(rescoped.status).toBe(201);
    const second = rescoped.headers.get("x-subject-token")!;
    const shown = await api.call("GET", "/identity/v3/auth/tokens", { token: first, headers: { "x-subject-token": second } });
    expect(shown.status).toBe(200);
    expect(shown.body.token.project.name).toBe("demo");
    expect((await api.call("DELETE", "/identity/v3/auth/tokens", { token: first, headers: { "x-subject-token": second } })).status).toBe(204);
    expect((await api.call("GET", "/identity/v3/auth/tokens", { token: first, headers: { "x-subject-token": second } })).status).toBe(404);
    expect((await api.call("GET", "/identity/v3/auth/projects", { token: second })).status).toBe(401);
  });

  it("lets an admin create users and projects and assign roles; others get 403", async () => {
    const { token } = await api.login("admin", ADMIN_PASSWORD, "admin");
    const project = await api.call("POST", "/identity/v3/projects", { token, body: { project: { name: "team", domain_id: "default" } } });
    expect(project.status).toBe(201);
    const user = await api.call("POST", "/identity/v3/users", { token, body: { user: { name: "bob", password: "pw" } } });
    expect(user.status).toBe(201);
    const unknownField = await api.call("POST", "/identity/v3/users", { token, body: { user: { name: "eve", password: "pw", shoe_size: 9 } } });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.message).toContain("shoe_size");
    const grant = await api.call("PUT", `/identity/v3/projects/${project.body.project.id}/users/${user.body.user.id}/roles/member`, { token });
    expect(grant.status).toBe(204);
    const bob = await api.login("bob", "pw", "team");
    const mine = await api.call("GET", "/identity/v3/auth/projects", { token: bob.token });
    expect(mine.body.projects.map((p: { name: string }) => p.name)).toEqual(["team"]);
    const refused = await api.call("POST", "/identity/v3/projects", { token: bob.token, body: { project: { name: "mine" } } });
    expect(refused.status).toBe(403);
    const roles = await api.call("GET", "/identity/v3/roles", { token: bob.token });
    expect(roles.body.roles.map((r: { name: string }) => r.name)).toEqual(["admin", "member", "reader"]);
  });
});
