import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, settled, startHarness, type ApiHarness } from "./harness";
import { PAIR } from "./templates";

let api: ApiHarness;
let admin: string;

beforeEach(async () => {
  api = await startHarness();
  ({ token: admin } = await api.login("admin", ADMIN_PASSWORD, "admin"));
});
afterEach(() => api.close());

/** A user with one role on the demo project, logged in there. */
async function demoUser(name: string, role: string): Promise<{ token: string; projectId: string }> {
  await api.hearth.identity.createUser(name, "pw");
  await api.hearth.identity.assignRole(name, "demo", role);
  return api.login(name, "pw", "demo");
}

describe("projects, roles and bad requests on /heat-api", () => {
  it("needs a token: 401 without one, 401 for a revoked one", async () => {
    const none = await api.call("GET", "/heat-api/v1/admin/stacks");
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe(401);
    await api.hearth.identity.revoke(admin);
    expect((await api.call("GET", "/heat-api/v1/admin/stacks", { token: admin })).status).toBe(401);
  });

  it("shows nothing of another project: its path and its stacks answer 404", async () => {
    const created = await api.call("POST", "/heat-api/v1/admin/stacks", { token: admin, body: { stack_name: "secret", template: PAIR } });
    const id = created.body.stack.id;
    await settled(api, "admin", admin, "secret");
    const member = await demoUser("carol", "member");
    const demo = `/heat-api/v1/${member.projectId}`;
    expect((await api.call("GET", `${demo}/stacks`, { token: member.token })).body.stacks).toEqual([]);
    expect((await api.call("GET", `${demo}/stacks/secret`, { token: member.token })).status).toBe(404);
    expect((await api.call("GET", `${demo}/stacks/secret/${id}`, { token: member.token })).status).toBe(404);
    expect((await api.call("DELETE", `${demo}/stacks/secret/${id}`, { token: member.token })).status).toBe(404);
    expect((await api.call("GET", `${demo}/stacks/secret/${id}/events`, { token: member.token })).status).toBe(404);
    const foreignPath = await api.call("GET", "/heat-api/v1/admin/stacks", { token: member.token });
    expect(foreignPath.status).toBe(404);
    // The same name can be used in another project.
    const own = await api.call("POST", `${demo}/stacks`, { token: member.token, body: { stack_name: "secret", template: PAIR } });
    expect(own.status).toBe(201);
    await settled(api, member.projectId, member.token, "secret");
    const adminList = await api.call("GET", "/heat-api/v1/admin/stacks", { token: admin });
    expect(adminList.body.stacks.map((s: { id: string }) => s.id)).toEqual([id]);
  });

  it("lets a reader read but not change anything (403)", async () => {
    const member = await demoUser("dave", "member");
    const demo = `/heat-api/v1/${member.projectId}`;
    const created = await api.call("POST", `${demo}/stacks`, { token: member.token, body: { stack_name: "shared", template: PAIR } });
    await settled(api, member.projectId, member.token, "shared");
    const reader = await demoUser("erin", "reader");
    const id = created.body.stack.id;
    expect((await api.call("GET", `${demo}/stacks/shared/${id}`, { token: reader.token })).status).toBe(200);
    expect((await api.call("POST", `${demo}/validate`, { token: reader.token, body: { template: PAIR } })).status).toBe(200);
    const attempts: [string, string, unknown][] = [
      ["POST", `${demo}/stacks`, { stack_name: "mine", template: PAIR }],
      ["PATCH", `${demo}/stacks/shared/${id}`, { parameters: { greeting: "x" } }],
      ["DELETE", `${demo}/stacks/shared/${id}`, undefined],
      ["POST", `${demo}/stacks/shared/${id}/actions`, { suspend: null }],
      ["POST", `${demo}/stacks/shared/${id}/resources/first/signal`, {}],
      ["PATCH", `${demo}/stacks/shared/${id}/resources/first`, { mark_unhealthy: true }],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await api.call(method, path, { token: reader.token, body });
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.body.error.type).toBe("Forbidden");
    }
    const after = await api.call("GET", `${demo}/stacks/shared/${id}`, { token: reader.token });
    expect(after.body.stack.stack_status).toBe("CREATE_COMPLETE");
  });

  it("answers bad requests with Heat-style 400s and changes nothing", async () => {
    const base = "/heat-api/v1/admin/stacks";
    const cases: [unknown, string][] = [
      ["{broken", "not valid JSON"],
      [{ stack_name: "x", template: PAIR, colour: "red" }, "colour"],
      [{ stack_name: "x", template: `${PAIR}#${"x".repeat(600_000)}` }, "Template size"],
      [{ stack_name: "x" }, "No template specified"],
      [{ stack_name: "1bad", template: PAIR }, "Invalid stack name"],
      [{ stack_name: "x", template: "heat_template_version: 2018-08-31\nresources: { r: { type: OS::No::Such } }" }, "OS::No::Such"],
      [{ stack_name: "x", template: PAIR, timeout_mins: -1 }, "timeout_mins"],
    ];
    for (const [body, message] of cases) {
      const answer = await api.call("POST", base, { token: admin, body });
      expect(answer.status, message).toBe(400);
      expect(answer.body).toMatchObject({ code: 400, title: "Bad Request", error: { traceback: null } });
      expect(answer.body.error.message).toContain(message);
    }
    const huge = await api.call("POST", base, { token: admin, body: JSON.stringify({ stack_name: "x", template: "y".repeat(1_100_000) }) });
    expect(huge.status).toBe(400);
    expect(huge.body.error.type).toBe("RequestLimitExceeded");
    expect((await api.call("GET", base, { token: admin })).body.stacks).toEqual([]);
    const wrongMethod = await api.call("DELETE", base, { token: admin });
    expect(wrongMethod.status).toBe(405);
  });
});
