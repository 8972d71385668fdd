import { describe, expect, it } from "vitest";
import { diffTypeDocs } from "./schema-diff";
import type { PropertySchemaDoc, ResourceTypeSchemaDoc } from "../type-schema";

const flags = { required: false, update_allowed: false, immutable: false };
const prop = (over: Partial<PropertySchemaDoc>): PropertySchemaDoc => ({ type: "string", ...flags, ...over });

const heat: ResourceTypeSchemaDoc = {
  resource_type: "OS::X::Thing",
  description: "A thing.",
  support_status: { status: "DEPRECATED", message: null, version: "9.0.0", previous_status: null },
  properties: {
    name: prop({ update_allowed: true }),
    net: prop({ required: true, constraints: [{ custom_constraint: "neutron.network" }] }),
    rules: prop({ type: "list", schema: { "*": prop({ type: "map", schema: { port: prop({ type: "integer", constraints: [{ range: { min: 1, max: 65535 } }] }) } }) } }),
  },
  attributes: { show: { description: "Detailed information about resource.", type: "map" }, id: { description: "The id.", type: "string" }, first: {} },
};

describe("diffTypeDocs", () => {
  it("finds nothing where Hearth answers what Heat answers, whatever order keys were written in", () => {
    const same: ResourceTypeSchemaDoc = {
      ...structuredClone(heat),
      properties: {
        rules: prop({ type: "list", schema: { "*": prop({ type: "map", schema: { port: prop({ type: "integer", constraints: [{ range: { max: 65535, min: 1 } }] }) } }) } }),
        net: prop({ required: true, constraints: [{ custom_constraint: "neutron.network" }] }),
        name: prop({ update_allowed: true }),
      },
    };
    expect(diffTypeDocs(same, heat)).toEqual([]);
  });

  it("names what is missing, extra or unlike, down nested schemas, attributes and status included", () => {
    const unlike: ResourceTypeSchemaDoc = {
      resource_type: "OS::X::Thing",
      description: "A thing, as Hearth has it.",
      support_status: { status: "SUPPORTED", message: null, version: null, previous_status: null },
      properties: {
        name: prop({ description: "Its name." }),
        rules: prop({ type: "list", schema: { "*": prop({ type: "map", schema: { port: prop({}), cidr: prop({}) } }) } }),
        extra: prop({ type: "boolean", default: false }),
      },
      attributes: { show: heat.attributes.show, id: { description: "The id.", type: "map" } },
    };
    expect(diffTypeDocs(unlike, heat)).toEqual([
      { path: "description", kind: "differs", detail: "Hearth's text is not Heat's" },
      { path: "name", kind: "differs", detail: 'description: Hearth "Its name.", Heat none' },
      { path: "name", kind: "differs", detail: "update_allowed: Hearth false, Heat true" },
      { path: "net", kind: "missing", detail: "Heat has it" },
      { path: "rules.*.port", kind: "differs", detail: 'type: Hearth "string", Heat "integer"' },
      { path: "rules.*.port", kind: "differs", detail: 'constraints: Hearth none, Heat [{"range":{"max":65535,"min":1}}]' },
      { path: "rules.*.cidr", kind: "extra", detail: "not in Heat" },
      { path: "extra", kind: "extra", detail: "not in Heat" },
      { path: "attribute id", kind: "differs", detail: 'type: Hearth "map", Heat "string"' },
      { path: "attribute first", kind: "missing", detail: "Heat has it" },
      {
        path: "support_status",
        kind: "differs",
        detail: 'Hearth {"message":null,"previous_status":null,"status":"SUPPORTED","version":null}, Heat {"message":null,"previous_status":null,"status":"DEPRECATED","version":"9.0.0"}',
      },
    ]);
  });
});
