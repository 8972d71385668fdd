/** Query parameters of Heat's API reference beyond the basics: tag filters, with_count, resolve_outputs, resource filters and with_detail. */
import { describe, expect, it } from "vitest";
import { adminSession, settled } from "./harness";
import { PAIR } from "./templates";

const session = adminSession();
const base = "/heat-api/v1/admin";

async function create(name: string, tags: string): Promise<string> {
  const answer = await session.api.call("POST", `${base}/stacks`, { token: session.token, body: { stack_name: name, template: PAIR, tags } });
  await settled(session.api, "admin", session.token, name);
  return answer.body.stack.id;
}

const names = async (query: string) => (await session.api.call("GET", `${base}/stacks?${query}`, { token: session.token })).body.stacks.map((s: { stack_name: string }) => s.stack_name).sort();

describe("Heat API reference query parameters", () => {
  it("lists stacks by tags, tags_any, not_tags, not_tags_any, and counts them with with_count", async () => {
    await create("ab", "a,b");
    await create("a", "a");
    await create("c", "c");
    expect(await names("tags=a,b")).toEqual(["ab"]);
    expect(await names("tags_any=b,c")).toEqual(["ab", "c"]);
    expect(await names("not_tags=a,b")).toEqual(["a", "c"]);
    expect(await names("not_tags_any=a")).toEqual(["c"]);
    const counted = await session.api.call("GET", `${base}/stacks?with_count=true&limit=1`, { token: session.token });
    expect(counted.body).toMatchObject({ count: 3 });
    expect(counted.body.stacks).toHaveLength(1);
    expect((await session.api.call("GET", `${base}/stacks`, { token: session.token })).body.count).toBeUndefined();
  });

  it("leaves outputs out with resolve_outputs=false; filters resources by action, id and physical id; with_detail adds metadata and attributes", async () => {
    const id = await create("pair", "x");
    const path = `${base}/stacks/pair/${id}`;
    expect((await session.api.call("GET", path, { token: session.token })).body.stack.outputs).toHaveLength(1);
    expect((await session.api.call("GET", `${path}?resolve_outputs=false`, { token: session.token })).body.stack).not.toHaveProperty("outputs");

    const all = (await session.api.call("GET", `${path}/resources`, { token: session.token })).body.resources;
    const first = all.find((r: { resource_name: string }) => r.resource_name === "first");
    const list = async (query: string) => (await session.api.call("GET", `${path}/resources?${query}`, { token: session.token })).body.resources.map((r: { resource_name: string }) => r.resource_name).sort();
    expect(await list("action=CREATE")).toEqual(["first", "second"]);
    expect(await list("action=UPDATE")).toEqual([]);
    expect(await list("id=second")).toEqual(["second"]);
    expect(await list(`physical_resource_id=${first.physical_resource_id}`)).toEqual(["first"]);
    const detailed = (await session.api.call("GET", `${path}/resources?with_detail=true&name=first`, { token: session.token })).body.resources;
    expect(detailed).toEqual([expect.objectContaining({ resource_name: "first", description: "", metadata: {}, attributes: expect.objectContaining({ output: "hello" }) })]);
  });
});
