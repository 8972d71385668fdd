import { describe, expect, it } from "vitest";
import { createTestEngine } from "../../testing";

describe("OS::Swift::Container", () => {
  it("is named, referenced by its name, shows the account's URLs and its headers, and goes with the stack", async () => {
    const t = createTestEngine();
    const template = JSON.stringify({
      heat_template_version: "2018-08-31",
      resources: {
        site: { type: "OS::Swift::Container", properties: { name: "www", "X-Container-Read": ".r:*", "X-Container-Meta": { "Web-Index": "index.html" } } },
        unnamed: { type: "OS::Swift::Container" },
      },
      outputs: {
        ref: { value: { get_resource: "site" } },
        url: { value: { get_attr: ["site", "WebsiteURL"] } },
        root: { value: { get_attr: ["site", "RootURL"] } },
        domain: { value: { get_attr: ["site", "DomainName"] } },
        head: { value: { get_attr: ["site", "HeadContainer"] } },
        count: { value: { get_attr: ["site", "ObjectCount"] } },
        other: { value: { get_resource: "unnamed" } },
      },
    });
    const stack = await t.finish(await t.engine.create("web", { template }, { projectId: "p1" }));
    expect(`${stack.action}_${stack.status}`).toBe("CREATE_COMPLETE");
    const outputs = Object.fromEntries((await t.engine.outputs(stack.id)).map((o) => [o.key, o.error ?? o.value]));
    expect(outputs).toMatchObject({
      ref: "www",
      domain: "swift.regionone.hearth.test",
      root: "https://swift.regionone.hearth.test/v1/AUTH_p1",
      url: "https://swift.regionone.hearth.test/v1/AUTH_p1/www",
      count: 0,
      head: { "x-container-object-count": "0", "x-container-bytes-used": "0", "x-container-read": ".r:*", "x-container-meta-web-index": "index.html" },
    });
    expect(outputs.other).toMatch(/^web-unnamed-/);
    const deleted = await t.finish(await t.engine.delete(stack.id));
    expect(`${deleted.action}_${deleted.status}`).toBe("DELETE_COMPLETE");
    expect(await t.cloud.region("RegionOne").objects.listObjects("OS::Swift::Container")).toEqual([]);
  });
});
