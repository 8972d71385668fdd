/**
 * resource show reads attributes from the cloud's current state, as outputs do: a server crashed or
 * recovered behind the stack's back shows at once, even where the create read (and so cached) the
 * attribute; a region that is offline gives null with the reason in attribute_errors, per attribute.
 */
import { describe, expect, it } from "vitest";
import { adminSession, settled } from "./harness";

const session = adminSession();
const base = "/heat-api/v1/admin";

/** A RegionTwo server whose status another resource reads at create (so its `show` attribute was fetched then), and a RegionOne one. */
const TEMPLATE = `heat_template_version: 2018-08-31
resources:
  away:
    type: OS::Nova::Server
    region: RegionTwo
    properties: { flavor: m1.tiny, image: cirros }
  seen:
    type: OS::Heat::Value
    region: RegionTwo
    properties: { value: { get_attr: [away, show, status] } }
  home:
    type: OS::Nova::Server
    properties: { flavor: m1.tiny, image: cirros }
`;

describe("resource show reads attributes from the cloud now", () => {
  it("follows a crash and a recovery made behind the stack's back, and names each attribute an offline region cannot give", async () => {
    const { api, token } = session;
    const created = await api.call("POST", `${base}/stacks`, { token, body: { stack_name: "behind", template: TEMPLATE } });
    expect(await settled(api, "admin", token, "behind")).toBe("CREATE_COMPLETE");
    const stack = `${base}/stacks/behind/${created.body.stack.id}`;
    const show = async (name: string) => (await api.call("GET", `${stack}/resources/${name}`, { token })).body.resource;
    const before = await show("away");
    expect(before.attributes.show.status).toBe("ACTIVE");
    expect((await show("seen")).attributes.value).toBe("ACTIVE");
    expect(before.attribute_errors).toBeUndefined();

    await api.hearth.fault({ kind: "crash-server", serverId: before.physical_resource_id });
    const crashed = await show("away");
    expect(crashed.attributes.show).toMatchObject({ id: before.physical_resource_id, status: "ERROR" });
    expect(crashed.attributes.first_address).toBe(before.attributes.first_address);
    await api.hearth.fault({ kind: "recover-server", serverId: before.physical_resource_id });
    expect((await show("away")).attributes.show.status).toBe("ACTIVE");

    await api.hearth.fault({ kind: "region-offline", region: "RegionTwo" });
    const offline = await show("away");
    expect(offline.resource_status).toBe("CREATE_COMPLETE");
    expect(offline.attributes.first_address).toBeNull();
    expect(offline.attributes.show).toBeNull();
    const unreachable = "Region RegionTwo is unavailable: compute.getServer got no answer from its endpoint.";
    expect(offline.attribute_errors).toMatchObject({ first_address: unreachable, show: unreachable, networks: unreachable });
    expect(new Set(Object.values(offline.attribute_errors))).toEqual(new Set([unreachable]));
    // the list's with_detail reads the same way; RegionOne's server is unaffected
    const listed = (await api.call("GET", `${stack}/resources?with_detail=true`, { token })).body.resources as { resource_name: string; attribute_errors?: Record<string, string> }[];
    expect(listed.find((r) => r.resource_name === "away")?.attribute_errors?.first_address).toMatch(/^Region RegionTwo is unavailable/);
    const home = await show("home");
    expect([home.attribute_errors, typeof home.attributes.first_address]).toEqual([undefined, "string"]);

    await api.hearth.fault({ kind: "region-online", region: "RegionTwo" });
    const back = await show("away");
    expect([back.attribute_errors, back.attributes.first_address]).toEqual([undefined, before.attributes.first_address]);
  });
});
