import { describe, expect, it } from "vitest";
import { defaultRegistry } from "../../../lib/engine/resources";
import type { ValueKind } from "../../../lib/engine/resources/types";
import { findAttributeLink, producedAttribute } from "./attribute-links";
import { connect, planConnection } from "./connect";
import { deriveModel } from "./template-model";
import { validateTemplate } from "./validate";

const none = () => [];

const TEMPLATE = `heat_template_version: 2018-08-31
resources:
  net: { type: OS::Neutron::Net }
  port:
    type: OS::Neutron::Port
    properties: { network: { get_resource: net } }
  server:
    type: OS::Nova::Server
    properties:
      flavor: m1.small
      admin_pass: ""
  secret: { type: OS::Heat::RandomString }
  assoc:
    type: OS::Neutron::FloatingIPAssociation
  alarm:
    type: OS::Aodh::Alarm
    properties: { meter_name: cpu, threshold: 80 }
  scale_up:
    type: OS::Heat::ScalingPolicy
  volume: { type: OS::Cinder::Volume }
`;

describe("edge rules", () => {
  it("writes get_resource where the property takes the resource itself", () => {
    expect(planConnection(defaultRegistry, "OS::Nova::Server", "port", "OS::Neutron::Port")).toMatchObject({
      kind: "get_resource",
      path: ["properties", "networks"],
      value: { port: { get_resource: "port" } },
    });
    expect(planConnection(defaultRegistry, "OS::Heat::SoftwareDeployment", "srv", "OS::Nova::Server")).toMatchObject({
      kind: "get_resource",
      path: ["properties", "server"],
      mode: "set",
    });
  });

  it("writes get_attr where the property wants a value the target produces", () => {
    expect(planConnection(defaultRegistry, "OS::Neutron::FloatingIPAssociation", "server", "OS::Nova::Server")).toEqual({
      kind: "get_attr",
      path: ["properties", "fixed_ip_address"],
      mode: "set",
      value: { get_attr: ["server", "first_address"] },
      sameRegion: false,
    });
    expect(planConnection(defaultRegistry, "OS::Nova::Server", "secret", "OS::Heat::RandomString")).toMatchObject({
      kind: "get_attr",
      path: ["properties", "admin_pass"],
      value: { get_attr: ["secret", "value"] },
    });
    expect(planConnection(defaultRegistry, "OS::Nova::Server", "config", "OS::Heat::SoftwareConfig")).toMatchObject({
      path: ["properties", "user_data"],
      value: { get_attr: ["config", "config"] },
    });
    expect(planConnection(defaultRegistry, "OS::Aodh::Alarm", "up", "OS::Heat::ScalingPolicy")).toMatchObject({
      kind: "get_attr",
      path: ["properties", "alarm_actions"],
      mode: "append",
      value: { get_attr: ["up", "alarm_url"] },
    });
  });

  it("falls back to depends_on: nothing fits, the same type, or the wanted property already filled", () => {
    expect(planConnection(defaultRegistry, "OS::Cinder::Volume", "net", "OS::Neutron::Net").kind).toBe("depends_on");
    expect(planConnection(defaultRegistry, "OS::Nova::Server", "other", "OS::Nova::Server").kind).toBe("depends_on");
    expect(planConnection(defaultRegistry, "OS::Nova::Server", "secret", "OS::Heat::RandomString", (p) => p !== "admin_pass").kind).toBe("depends_on");
  });

  it("reads what each type produces and what each property takes from the registry's schemas", () => {
    const kinds: ValueKind[] = ["ip", "secret", "script", "url"];
    const produces = Object.fromEntries(
      defaultRegistry.list().flatMap((plugin) => {
        const links = kinds.flatMap((kind) => (producedAttribute(plugin, kind) ? [[kind, producedAttribute(plugin, kind)!] as const] : []));
        return links.length ? [[plugin.type, links] as const] : [];
      }),
    );
    expect(produces).toEqual({
      "OS::Nova::Server": [["ip", ["first_address"]]],
      "OS::Neutron::Port": [["ip", ["fixed_ips", 0, "ip_address"]]],
      "OS::Neutron::FloatingIP": [["ip", ["floating_ip_address"]]],
      "OS::Heat::RandomString": [["secret", ["value"]]],
      "OS::Heat::SoftwareConfig": [["script", ["config"]]],
      "OS::Heat::WaitConditionHandle": [
        ["script", ["curl_cli"]],
        ["url", ["endpoint"]],
      ],
      "OS::Heat::ScalingPolicy": [["url", ["alarm_url"]]],
    });
    for (const [type, links] of Object.entries(produces)) {
      const attributes = defaultRegistry.get(type)?.attributes ?? {};
      for (const [, path] of links) expect(Object.keys(attributes), `${type} ${path[0]}`).toContain(path[0]);
    }
    const server = defaultRegistry.get("OS::Nova::Server")!.properties;
    const takes = [
      defaultRegistry.get("OS::Neutron::FloatingIPAssociation")!.properties.fixed_ip_address.takes,
      server.networks.items?.schema?.fixed_ip.takes,
      server.admin_pass.takes,
      defaultRegistry.get("OS::Aodh::Alarm")!.properties.ok_actions.takes,
      server.flavor.takes,
    ];
    expect(takes).toEqual(["ip", "ip", "secret", "url", undefined]);
    expect(findAttributeLink(defaultRegistry, "OS::Nope", "OS::Nova::Server", () => true)).toBeUndefined();
  });
});

describe("connect", () => {
  it("writes get_attr into the text and the canvas draws it as an edge", () => {
    const r = connect(TEMPLATE, "assoc", "server", defaultRegistry, none);
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toContain("fixed_ip_address: { get_attr: [ server, first_address ] }");
    const edge = deriveModel(r.text).edges.find((e) => e.source === "assoc");
    expect(edge).toMatchObject({ target: "server", kind: "get_attr", path: ["properties", "fixed_ip_address"] });
  });

  it("fills an empty placeholder but leaves a filled property alone", () => {
    const empty = connect(TEMPLATE, "server", "secret", defaultRegistry, none);
    expect(empty.ok && empty.plan.kind).toBe("get_attr");
    const filled = connect(TEMPLATE.replace('admin_pass: ""', "admin_pass: hunter2"), "server", "secret", defaultRegistry, none);
    expect(filled.ok && filled.plan.kind).toBe("depends_on");
  });

  it("appends alarm URLs to a list and says why an edge cannot be made", () => {
    const r = connect(TEMPLATE, "alarm", "scale_up", defaultRegistry, none);
    expect(r.ok && r.text).toContain("alarm_actions: [ { get_attr: [ scale_up, alarm_url ] } ]");
    expect(connect(TEMPLATE, "server", "server", defaultRegistry, none)).toEqual({ ok: false, reason: 'A resource cannot depend on itself ("server")' });
    const cycle = connect(TEMPLATE, "net", "port", defaultRegistry, (t) => (t.includes("depends_on") ? [{ severity: "error", code: "dependency.cycle", message: "cycle net <-> port", path: [] }] : []));
    expect(cycle).toEqual({ ok: false, reason: "cycle net <-> port" });
  });

  it("asks the engine only when the edge could fail: across regions or closing a loop", () => {
    let calls = 0;
    const counting = () => (calls++, []);
    connect(TEMPLATE, "server", "volume", defaultRegistry, counting);
    expect(calls).toBe(0);
    connect(TEMPLATE, "net", "port", defaultRegistry, counting);
    expect(calls).toBe(2);
    const regions = { registry: defaultRegistry, region: "RegionOne", regions: ["RegionOne", "RegionTwo"] };
    const far = TEMPLATE.replace("  net: { type: OS::Neutron::Net }", "  net: { type: OS::Neutron::Net }\n  far: { type: OS::Neutron::Net, region: RegionTwo }");
    const refused = connect(far, "port", "far", defaultRegistry, (t) => validateTemplate(t, regions));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reason).toContain('cannot use "far"');
  });
});
