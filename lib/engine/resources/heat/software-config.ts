/**
 * OS::Heat::SoftwareConfig: an immutable piece of configuration (a script, a cloud-config, ...) with
 * declared inputs and outputs. Its definition is kept in the resource data ("config") so a
 * SoftwareDeployment can read it through ctx.peer.
 */
import { optList, optMap, optString } from "../support/props";
import { randomUuid } from "../support/naming";
import { defineResource } from "../define";
import { type PropertySchema } from "../types";

/** The stored definition of a config, as deployments read it. */
export interface StoredConfig {
  group: string;
  /** A script or document (text), a structure (StructuredConfig), or a component's configs. */
  config: unknown;
  options: Record<string, unknown>;
  inputs: Record<string, unknown>[];
  outputs: { name: string; error_output?: boolean }[];
}

/** Reads the definition a SoftwareConfig stored in its data; undefined when it has none. */
export function readStoredConfig(data: Record<string, string>): StoredConfig | undefined {
  return data.config ? (JSON.parse(data.config) as StoredConfig) : undefined;
}

const IO_TYPES = ["String", "Number", "CommaDelimitedList", "Json", "Boolean"];

const ioSchema = (what: string, extra: Record<string, PropertySchema>): PropertySchema => ({
  type: "list",
  description: `Schema representing the ${what}s that this software config ${what === "input" ? "is expecting" : "will produce"}.`,
  items: {
    type: "map",
    schema: {
      name: { type: "string", description: `Name of the ${what}.`, required: true },
      description: { type: "string", description: `Description of the ${what}.` },
      type: {
        type: "string",
        description: `Type of the value of the ${what}.`,
        default: "String",
        constraints: [{ allowedValues: IO_TYPES }],
      },
      ...extra,
    },
  },
});

/** The OS::Heat::SoftwareConfig plugin. */
export const softwareConfigResource = defineResource({
  type: "OS::Heat::SoftwareConfig",
  properties: {
    inputs: ioSchema("input", {
      default: { type: "any", description: "Default value for the input if none is specified." },
      replace_on_change: {
        type: "boolean",
        description: "Replace the deployment instead of updating it when the input value changes.",
        default: false,
      },
    }),
    outputs: ioSchema("output", {
      error_output: {
        type: "boolean",
        description: "Denotes that the deployment is in an error state if this output has a value.",
        default: false,
      },
    }),
  },
  attributes: {
    config: { produces: { kind: "script" } },
  },
  handlers: {
    async create(ctx) {
      const p = ctx.properties;
      const stored: StoredConfig = {
        group: optString(p, "group") ?? "Heat::Ungrouped",
        config: optString(p, "config") ?? "",
        options: optMap(p, "options"),
        inputs: optList(p, "inputs"),
        outputs: optList(p, "outputs"),
      };
      ctx.setData("config", JSON.stringify(stored));
      ctx.setPhysicalId(randomUuid(ctx));
    },
    async attribute(ctx, name) {
      if (name !== "config") return undefined;
      return readStoredConfig(ctx.data)?.config ?? null;
    },
  },
});
