import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultRegistry } from "../../../lib/engine/resources";
import { connect } from "./connect";
import { addResource, deleteResources, freeName, renameResource, setProperty, setRegion } from "./edits";
import { joinLayout, splitLayout } from "./layout-comment";
import { deriveModel } from "./template-model";
import { validateTemplate } from "./validate";

const target = { registry: defaultRegistry, region: "RegionOne", regions: ["RegionOne", "RegionTwo"] };
const validate = (t: string) => validateTemplate(t, target);
const demo = readFileSync(new URL("../../../examples/multi-region-demo.yaml", import.meta.url), "utf8");

const BASE = `heat_template_version: 2018-08-31
# the template's own comment
description: >
  A folded description that a full re-serialisation
  would reflow onto one line.

parameters:
  flavor: { type: string, default: m1.small }

resources:
  net:   # the network
    type: OS::Neutron::Net
    region: RegionOne
  server:
    type: OS::Nova::Server
    region: RegionOne
    properties:
      flavor: { get_param: flavor }  # keep me

outputs:
  ip: { value: { get_attr: [server, first_address] } }
`;

/** Everything outside resources, byte for byte. */
const outside = (t: string) => {
  const { body } = splitLayout(t);
  return [body.slice(0, body.indexOf("resources:")), body.slice(body.indexOf("outputs:"))];
};

describe("deriveModel", () => {
  it("finds resources, regions and references with their paths", () => {
    const m = deriveModel(demo);
    expect(m.error).toBeUndefined();
    expect(m.nodes.find((n) => n.name === "app_server")).toEqual({ name: "app_server", type: "OS::Nova::Server", region: "RegionOne" });
    expect(m.regions).toEqual(["RegionOne", "RegionTwo"]);
    expect(m.edges).toContainEqual(expect.objectContaining({ source: "app_server", target: "app_net", kind: "get_resource", path: ["properties", "networks", 0, "network"] }));
    expect(m.edges).toContainEqual(expect.objectContaining({ source: "app_server", target: "app_subnet", kind: "depends_on" }));
  });

  it("reports a syntax error instead of throwing", () => {
    expect(deriveModel("resources: [\n").error).toMatch(/flow/i);
  });
});

describe("gestures keep everything else", () => {
  it("adds a resource with its required properties and keeps comments and folded text", () => {
    const { text, name } = addResource(BASE, "OS::Nova::Server", defaultRegistry, { region: "RegionTwo", position: { x: 10, y: 20 } });
    expect(name).toBe("server_2");
    expect(outside(text)).toEqual(outside(BASE));
    expect(text).toContain("  server_2:\n    type: OS::Nova::Server\n    region: RegionTwo\n    properties:\n      flavor: \"\"\n");
    expect(text).toContain("flavor: { get_param: flavor }  # keep me");
    expect(splitLayout(text).layout.nodes.server_2).toEqual({ x: 10, y: 20 });
  });

  it("adds to an empty template and to an empty resources map", () => {
    const first = addResource("", "OS::Heat::RandomString", defaultRegistry).text;
    expect(deriveModel(first).nodes).toEqual([{ name: "random_string", type: "OS::Heat::RandomString", region: undefined }]);
    const emptied = deleteResources(first, ["random_string"]);
    expect(deriveModel(emptied).nodes).toEqual([]);
    const again = addResource(emptied, "OS::Cinder::Volume", defaultRegistry).text;
    expect(again).toContain("resources:\n  volume:\n    type: OS::Cinder::Volume\n");
  });

  it("deletes a resource and depends_on entries naming it", () => {
    const deleted = deleteResources(demo, ["app_subnet"]);
    const m = deriveModel(deleted);
    expect(m.nodes.map((n) => n.name)).not.toContain("app_subnet");
    expect(deleted).not.toMatch(/depends_on: app_subnet/);
    expect(deleted.slice(0, deleted.indexOf("resources:"))).toBe(demo.slice(0, demo.indexOf("resources:")));
  });

  it("renames a resource with every reference to it", () => {
    const renamed = renameResource(BASE, "server", "web");
    expect(renamed).toContain("  web:\n    type: OS::Nova::Server");
    expect(renamed).toContain("get_attr: [web, first_address]");
    expect(() => renameResource(BASE, "server", "net")).toThrow(/already exists/);
    expect(() => renameResource(BASE, "server", "bad name")).toThrow(/letters/);
  });

  it("sets and clears a region in place", () => {
    const moved = setRegion(BASE, "server", "RegionTwo");
    expect(moved).toContain("  server:\n    type: OS::Nova::Server\n    region: RegionTwo\n");
    expect(deriveModel(setRegion(moved, "server", undefined)).nodes[1].region).toBeUndefined();
  });

  it("sets a property and keeps its neighbours' comments", () => {
    const t = setProperty(BASE, "server", ["image"], "cirros");
    expect(t).toContain("flavor: { get_param: flavor }  # keep me\n      image: cirros\n");
    expect(setProperty(t, "server", ["image"], undefined)).toBe(BASE);
  });

  it("names new resources after their type", () => {
    expect(freeName("OS::Heat::WaitConditionHandle", [])).toBe("wait_condition_handle");
  });
});

describe("connect", () => {
  it("writes get_resource into a list item property that references the target type", () => {
    const r = connect(BASE, "server", "net", defaultRegistry, validate);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toContain("      networks:\n        - network: { get_resource: net }\n");
    expect(deriveModel(r.text).edges).toContainEqual(expect.objectContaining({ source: "server", target: "net", kind: "get_resource" }));
    expect(outside(r.text)).toEqual(outside(BASE));
  });

  it("falls back to depends_on and refuses duplicates and self edges", () => {
    const r = connect(BASE, "net", "server", defaultRegistry, validate);
    expect(r.ok && r.plan.kind).toBe("depends_on");
    if (!r.ok) return;
    expect(r.text).toContain("    depends_on: [ server ]\n");
    expect(connect(r.text, "net", "server", defaultRegistry, validate)).toEqual({ ok: false, reason: '"net" already refers to "server"' });
    expect(connect(BASE, "net", "net", defaultRegistry, validate).ok).toBe(false);
  });

  it("refuses a cross-region edge with the engine's message", () => {
    const t = setRegion(BASE, "net", "RegionTwo");
    const r = connect(t, "server", "net", defaultRegistry, validate);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toContain('Resource "server" (OS::Nova::Server) in region RegionOne cannot use "net" (OS::Neutron::Net) in region RegionTwo');
  });

  it("refuses an edge that closes a dependency cycle", () => {
    const r = connect(BASE, "net", "server", defaultRegistry, validate);
    if (!r.ok) throw new Error(r.reason);
    const back = connect(r.text, "server", "net", defaultRegistry, validate);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.reason).toMatch(/[Cc]ircular|cycle/);
  });
});
