import { describe, expect, it } from "vitest";
import { adminSession, ORIGIN } from "./harness";

const session = adminSession();

/** One resource with no region of its own: it lives in the stack's home region. */
const LOCAL = `heat_template_version: 2018-08-31
resources:
  thing: { type: OS::Heat::TestResource, properties: { value: here } }
`;

const two = "/heat-api/region/RegionTwo/v1/admin";
const one = "/heat-api/v1/admin";

async function settle(base: string, name: string): Promise<string> {
  for (;;) {
    const { body } = await session.api.call("GET", `${base}/stacks?name=${name}`, { token: session.token });
    const status: string = body.stacks[0].stack_status;
    if (!status.endsWith("IN_PROGRESS")) return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("one orchestration endpoint per region", () => {
  it("a stack created through RegionTwo's endpoint lives there, and only that endpoint sees it", async () => {
    const created = await session.api.call("POST", `${two}/stacks`, { token: session.token, body: { stack_name: "east", template: LOCAL } });
    expect(created.status).toBe(201);
    const id = created.body.stack.id;
    expect(created.body.stack.links[0].href).toBe(`${ORIGIN}${two}/stacks/east/${id}`);
    expect(await settle(two, "east")).toBe("CREATE_COMPLETE");

    const shown = await session.api.call("GET", `${two}/stacks/east/${id}`, { token: session.token });
    expect(shown.body.stack).toMatchObject({ stack_name: "east", region: "RegionTwo" });
    const resources = await session.api.call("GET", `${two}/stacks/east/${id}/resources`, { token: session.token });
    expect(resources.body.resources[0]).toMatchObject({ resource_name: "thing", region: "RegionTwo" });
    const redirect = await session.api.call("GET", `${two}/stacks/east`, { token: session.token });
    expect(redirect.headers.get("location")).toBe(`${ORIGIN}${two}/stacks/east/${id}`);

    expect((await session.api.call("GET", `${one}/stacks`, { token: session.token })).body.stacks).toEqual([]);
    expect((await session.api.call("GET", `${one}/stacks/east/${id}`, { token: session.token })).status).toBe(404);
    expect((await session.api.call("GET", `${one}/stacks/east`, { token: session.token })).status).toBe(404);
    expect((await session.api.call("DELETE", `${one}/stacks/east/${id}`, { token: session.token })).status).toBe(404);
    expect((await session.api.call("GET", `/heat-api/region/RegionThree/v1/admin/stacks`, { token: session.token })).body.stacks).toEqual([]);

    const home = await session.api.call("POST", `${one}/stacks`, { token: session.token, body: { stack_name: "west", template: LOCAL } });
    expect(await settle(one, "west")).toBe("CREATE_COMPLETE");
    expect((await session.api.call("GET", `${one}/stacks`, { token: session.token })).body.stacks.map((s: { id: string }) => s.id)).toEqual([home.body.stack.id]);
    expect((await session.api.call("GET", `${two}/stacks`, { token: session.token })).body.stacks.map((s: { id: string }) => s.id)).toEqual([id]);
  });

  it("answers a region without an endpoint with 404, and each endpoint's version document points at itself", async () => {
    const unknown = await session.api.call("GET", "/heat-api/region/RegionNine/v1/admin/stacks", { token: session.token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('The region "RegionNine" has no orchestration endpoint');
    const versions = await session.api.call("GET", "/heat-api/region/RegionThree/", {});
    expect(versions.body.versions[0].links[0].href).toBe(`${ORIGIN}/heat-api/region/RegionThree/v1/`);
  });
});
