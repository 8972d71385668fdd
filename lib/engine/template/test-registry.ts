/**
 * A small type registry for the template layer's tests (the real one lives in resources/):
 * Heat's own OS::Heat::None / Value / RandomString / TestResource schemas, plus a server,
 * a volume and an attachment whose references must stay in one region.
 */
import type { PropertySchema, ResourcePlugin, TypeRegistry } from "../resources/types";

const noop = { create: async () => undefined };

function plugin(type: string, properties: Record<string, PropertySchema>, attributes: string[]): ResourcePlugin {
  return {
    type,
    description: `${type} (template tests)`,
    service: type.split("::")[1],
    properties,
    attributes: Object.fromEntries(attributes.map((a) => [a, { description: a }])),
    handlers: noop,
  };
}

const CLASSES = ["lettersdigits", "letters", "lowercase", "uppercase", "digits", "hexdigits", "octdigits"];

/** The plugins of the test registry. */
export const TEST_PLUGINS: ResourcePlugin[] = [
  { ...plugin("OS::Heat::None", {}, []), openProperties: true },
  plugin(
    "OS::Heat::Value",
    {
      value: { type: "any", required: true, updateAllowed: true },
      type: { type: "string", updateAllowed: true, constraints: [{ allowedValues: ["string", "number", "comma_delimited_list", "json", "boolean"] }] },
    },
    ["value"],
  ),
  plugin(
    "OS::Heat::RandomString",
    {
      length: { type: "integer", default: 32, constraints: [{ range: { min: 1, max: 512 } }] },
      sequence: { type: "string", constraints: [{ allowedValues: CLASSES }] },
      character_classes: {
        type: "list",
        items: {
          type: "map",
          schema: {
            class: { type: "string", default: "lettersdigits", constraints: [{ allowedValues: CLASSES }] },
            min: { type: "integer", default: 1, constraints: [{ range: { min: 1, max: 512 } }] },
          },
        },
      },
      character_sequences: {
        type: "list",
        items: {
          type: "map",
          schema: {
            sequence: { type: "string", required: true },
            min: { type: "integer", default: 1, constraints: [{ range: { min: 1, max: 512 } }] },
          },
        },
      },
      salt: { type: "string", updateAllowed: true },
    },
    ["value"],
  ),
  plugin(
    "OS::Heat::TestResource",
    {
      value: { type: "string", default: "test_string", updateAllowed: true },
      fail: { type: "boolean", default: false, updateAllowed: true },
      update_replace: { type: "boolean", default: false, updateAllowed: true },
      update_replace_value: { type: "string" },
      wait_secs: { type: "number", default: 0, updateAllowed: true },
      action_wait_secs: { type: "map", updateAllowed: true },
      attr_wait_secs: { type: "number", default: 0 },
      client_name: { type: "string", default: "" },
      entity_name: { type: "string", default: "" },
      constraint_prop_secs: { type: "number", default: 0 },
    },
    ["output"],
  ),
  plugin(
    "OS::Nova::Server",
    {
      flavor: { type: "string", required: true },
      image: { type: "string" },
      name: { type: "string" },
      networks: { type: "list", items: { type: "map", schema: { port: { type: "string", region: "same" }, network: { type: "string" } } } },
    },
    ["first_address", "name"],
  ),
  plugin("OS::Cinder::Volume", { size: { type: "integer", constraints: [{ range: { min: 1 } }] } }, ["size", "status"]),
  plugin(
    "OS::Cinder::VolumeAttachment",
    {
      instance_uuid: { type: "string", required: true, region: "same" },
      volume_id: { type: "string", required: true, region: "same" },
      mountpoint: { type: "string" },
    },
    [],
  ),
];

/** A TypeRegistry over TEST_PLUGINS. */
export function testRegistry(): TypeRegistry {
  const byType = new Map(TEST_PLUGINS.map((p) => [p.type, p]));
  return { get: (t) => byType.get(t), list: () => [...byType.values()] };
}

/** Compile options for tests: three regions, RegionOne by default. */
export function testOptions(mode: "validate" | "strict" = "validate") {
  return {
    registry: testRegistry(),
    stackName: "teststack",
    stackId: "00000000-0000-4000-8000-000000000000",
    projectId: "test-project",
    region: "RegionOne",
    regions: ["RegionOne", "RegionTwo", "RegionThree"],
    mode,
  };
}
