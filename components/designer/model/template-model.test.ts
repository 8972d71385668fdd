import { describe, expect, it } from "vitest";
import { deriveModel, keepUnchanged } from "./template-model";

const T = `heat_template_version: 2018-08-31
resources:
  net:
    type: OS::Neutron::Net
  server:
    type: OS::Nova::Server
    properties:
      flavor: m1.small
      networks:
        - network: { get_resource: net }
`;

describe("template model", () => {
  it("keeps the previous node, edge and region lists while a keystroke leaves them equal", () => {
    const before = deriveModel(T);
    const typed = keepUnchanged(before, deriveModel(T.replace("m1.small", "m1.smal")));
    expect(typed.nodes).toBe(before.nodes);
    expect(typed.edges).toBe(before.edges);
    expect(typed.definitions).not.toBe(before.definitions);
    expect((typed.definitions.server as { properties: { flavor: string } }).properties.flavor).toBe("m1.smal");
  });

  it("takes the new lists when a resource or a reference changes", () => {
    const before = deriveModel(T);
    const renamed = keepUnchanged(before, deriveModel(T.replace("  net:", "  net2:")));
    expect(renamed.nodes.map((n) => n.name)).toEqual(["net2", "server"]);
    expect(renamed.edges).toEqual([]);
    expect(keepUnchanged(undefined, before)).toBe(before);
  });
});
