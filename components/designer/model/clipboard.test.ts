import { describe, expect, it } from "vitest";
import { NODE_SIZE } from "../../graph/topology-layout";
import { copySnippet, duplicateSelection, freeCopyName, parseSnippet, pasteSnippet } from "./clipboard";
import { splitLayout } from "./layout-comment";
import { deriveModel } from "./template-model";
import { parseYaml } from "./yaml-text";

const TEMPLATE = `heat_template_version: 2018-08-31
# keep me
resources:
  volume:
    type: OS::Cinder::Volume
    properties: { size: 1 }
  server:
    type: OS::Nova::Server
    depends_on: volume
    properties:
      flavor: m1.small
      user_data: { get_attr: [ volume, display_name ] }
  attach:
    type: OS::Cinder::VolumeAttachment
    properties:
      instance_uuid: { get_resource: server }
      volume_id: { get_resource: volume }

# hearth-layout v1
#   node volume 0 0
#   node server 300 0
#   node attach 0 200
`;

const resourcesOf = (text: string) => (parseYaml(splitLayout(text).body).toJS() as { resources: Record<string, Record<string, unknown>> }).resources;

describe("copy", () => {
  it("copies the selected resources as HOT text with their positions", () => {
    const snippet = copySnippet(TEMPLATE, ["server", "volume", "missing"]);
    expect(snippet).toMatch(/^resources:\n {2}server:\n {4}type: OS::Nova::Server\n/);
    expect(parseSnippet(snippet)).toEqual({
      resources: { server: resourcesOf(TEMPLATE).server, volume: resourcesOf(TEMPLATE).volume },
      layout: { nodes: { server: { x: 300, y: 0 }, volume: { x: 0, y: 0 } }, regions: {} },
    });
    expect(copySnippet(TEMPLATE, ["missing"])).toBe("");
  });
});

describe("paste", () => {
  it("renames clashes, keeps references among the pasted resources, offsets positions and keeps comments", () => {
    const { text, names } = pasteSnippet(TEMPLATE, copySnippet(TEMPLATE, ["volume", "server"]));
    expect(names).toEqual(["volume_2", "server_2"]);
    const r = resourcesOf(text);
    expect(r.server_2).toMatchObject({ depends_on: "volume_2", properties: { flavor: "m1.small", user_data: { get_attr: ["volume_2", "display_name"] } } });
    expect(r.server).toMatchObject({ depends_on: "volume" });
    expect(text).toContain("# keep me\n");
    // The group steps by 40 px until it covers no existing node, keeping its shape.
    const { nodes } = splitLayout(text).layout;
    expect([nodes.volume_2, nodes.server_2]).toEqual([{ x: 240, y: 240 }, { x: 540, y: 240 }]);
    const covers = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < NODE_SIZE.width && Math.abs(a.y - b.y) < NODE_SIZE.height;
    for (const copy of [nodes.volume_2, nodes.server_2]) for (const old of [nodes.volume, nodes.server, nodes.attach]) expect(covers(copy, old)).toBe(false);
  });

  it("puts the group's top-left corner where asked, keeping its shape", () => {
    const { text } = pasteSnippet(TEMPLATE, copySnippet(TEMPLATE, ["volume", "server"]), { at: { x: 1000, y: 500 } });
    const { nodes } = splitLayout(text).layout;
    expect([nodes.volume_2, nodes.server_2]).toEqual([{ x: 1000, y: 500 }, { x: 1300, y: 500 }]);
  });

  it("keeps references to resources outside the paste as they are", () => {
    const { text } = pasteSnippet(TEMPLATE, copySnippet(TEMPLATE, ["attach"]));
    expect(resourcesOf(text).attach_2).toMatchObject({ properties: { instance_uuid: { get_resource: "server" }, volume_id: { get_resource: "volume" } } });
    expect(deriveModel(text).edges.filter((e) => e.source === "attach_2").map((e) => e.target)).toEqual(["server", "volume"]);
  });

  it("takes any HOT text or a bare mapping of resources, placing nodes without positions on free spots", () => {
    const hot = "heat_template_version: 2018-08-31\nresources:\n  net: { type: OS::Neutron::Net }\n";
    const a = pasteSnippet(TEMPLATE, hot, { at: { x: 0, y: 0 } });
    expect(a.names).toEqual(["net"]);
    const placed = splitLayout(a.text).layout.nodes.net;
    expect(Object.values(splitLayout(TEMPLATE).layout.nodes)).not.toContainEqual(placed);
    const b = pasteSnippet("", "net:\n  type: OS::Neutron::Net\nnet_2: { type: OS::Neutron::Net }\n");
    expect(b.names).toEqual(["net", "net_2"]);
    expect(b.text).toContain("heat_template_version: 2018-08-31");
  });

  it("says what it expected when the clipboard holds no resources", () => {
    expect(() => pasteSnippet(TEMPLATE, "just words")).toThrow("Paste: the clipboard holds no resources (expected HOT text with `resources:` or a mapping of name: { type: ... })");
    expect(() => pasteSnippet(TEMPLATE, "a: [1,\n")).toThrow(/^Paste: the clipboard is not YAML/);
    expect(() => pasteSnippet(TEMPLATE, "resources:\n  x: { properties: {} }\n")).toThrow("holds no resources");
  });

  it("duplicates a selection in place and names copies freely", () => {
    const { names } = duplicateSelection(TEMPLATE, ["volume"]);
    expect(names).toEqual(["volume_2"]);
    expect(duplicateSelection(TEMPLATE, [])).toEqual({ text: TEMPLATE, names: [] });
    expect(freeCopyName("volume_2", new Set(["volume_2", "volume_3"]))).toBe("volume_4");
  });
});
