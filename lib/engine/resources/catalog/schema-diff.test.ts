import { describe, expect, it } from "vitest";
import type { CatalogTypeSchema } from "./heat-schema";
import { diffTypeSchema } from "./schema-diff";
import { defineResource, type ResourcePlugin } from "../types";

const heat: CatalogTypeSchema = {
  type: "OS::X::Thing",
  description: "A thing.",
  supportStatus: "DEPRECATED",
  heatSupportStatus: { status: "DEPRECATED", message: null, version: null, previous_status: null },
  properties: {
    name: { type: "string", updateAllowed: true },
    net: { type: "string", required: true, constraints: [{ customConstraint: "neutron.network" }] },
    net_id: { type: "string", hidden: true },
    rules: { type: "list", items: { type: "map", schema: { port: { type: "integer", constraints: [{ range: { min: 1, max: 65535 } }] } } } },
  },
  attributes: { show: { description: "Detailed information about resource.", type: "map" }, id: { description: "", type: "string" } },
  hiddenAttributes: { first: { description: "" } },
};

function plugin(over: Partial<ResourcePlugin>): ResourcePlugin {
  return defineResource({
    type: "OS::X::Thing",
    description: "A thing, as Hearth has it.",
    service: "X",
    supportStatus: "DEPRECATED",
    properties: {},
    attributes: {},
    handlers: { create: async () => undefined },
    ...over,
  });
}

describe("diffTypeSchema", () => {
  it("finds nothing where the plugin says what Heat says (descriptions and Hearth's extensions aside)", () => {
    const same = plugin({
      properties: {
        name: { type: "string", description: "Another text.", updateAllowed: true },
        net: { type: "string", required: true, constraints: [{ customConstraint: "neutron.network" }], region: "same" },
        net_id: { type: "string", hidden: true },
        rules: { type: "list", items: { type: "map", schema: { port: { type: "integer", constraints: [{ range: { max: 65535, min: 1 } }] } } } },
      },
      attributes: { id: { description: "The id.", type: "string" }, first: { description: "First." } },
    });
    expect(diffTypeSchema(same, heat)).toEqual([]);
  });

  it("names what is missing, extra or unlike, down nested schemas, hidden ones noted", () => {
    const unlike = plugin({
      supportStatus: "SUPPORTED",
      properties: {
        name: { type: "string" },
        net: { type: "string", required: true },
        rules: { type: "list", items: { type: "map", schema: { port: { type: "string" }, cidr: { type: "string" } } } },
        extra: { type: "boolean", default: false },
      },
      attributes: { id: { description: "The id.", type: "map" } },
    });
    expect(diffTypeSchema(unlike, heat)).toEqual([
      { path: "name", kind: "differs", detail: "update_allowed: Hearth false, Heat true" },
      { path: "net", kind: "differs", detail: 'constraints: Hearth [], Heat ["{\\"custom_constraint\\":\\"neutron.network\\"}"]' },
      { path: "net_id", kind: "missing", detail: "Heat has it (hidden in Heat: accepted, not shown)" },
      { path: "rules.*.port", kind: "differs", detail: 'type: Hearth "string", Heat "integer"' },
      { path: "rules.*.port", kind: "differs", detail: 'constraints: Hearth [], Heat ["{\\"range\\":{\\"max\\":65535,\\"min\\":1}}"]' },
      { path: "rules.*.cidr", kind: "extra", detail: "not in Heat" },
      { path: "extra", kind: "extra", detail: "not in Heat" },
      { path: "attribute id", kind: "differs", detail: "type: Hearth map, Heat string" },
      { path: "attribute first", kind: "missing", detail: "Heat has it (hidden in Heat)" },
      { path: "support_status", kind: "differs", detail: "Hearth SUPPORTED, Heat DEPRECATED" },
    ]);
  });
});
