/**
 * OS::Heat::Value: exposes a (computed) value as an attribute, optionally checked against a HOT
 * parameter type; updates in place.
 */
import { optString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource } from "../define";

const VALUE_TYPES = ["string", "number", "comma_delimited_list", "json", "boolean"];

/** Checks `value` against a HOT parameter type name, as Heat re-types the value property; throws if it does not fit. */
export function checkValueType(value: unknown, type: string | undefined): void {
  const fail = (what: string) => {
    throw new Error(`Property error: value: ${JSON.stringify(value)} is not ${what}`);
  };
  const isMap = value !== null && typeof value === "object" && !Array.isArray(value);
  switch (type) {
    case "string":
      if (isMap || Array.isArray(value)) fail("a string");
      break;
    case "number":
      if (typeof value === "boolean" || value === "" || Number.isNaN(Number(value)) || isMap || Array.isArray(value)) {
        fail("a number");
      }
      break;
    case "comma_delimited_list":
      if (!Array.isArray(value)) fail("a list");
      break;
    case "json":
      if (!isMap) fail("a map");
      break;
    case "boolean":
      if (typeof value !== "boolean" && !["true", "false", "on", "off", "yes", "no", "1", "0"].includes(String(value).toLowerCase())) {
        fail("a boolean");
      }
      break;
  }
}

/** The OS::Heat::Value plugin. */
export const valueResource = defineResource({
  type: "OS::Heat::Value",
  properties: {},
  handlers: {
    validate: (props) => checkValueType(props.value, optString(props, "type")),
    async create(ctx) {
      ctx.setPhysicalId(physicalName(ctx));
    },
    async update() {
      // Nothing to do: the attribute reads the new properties.
    },
    async attribute(ctx, name) {
      if (name !== "value") return undefined;
      const type = optString(ctx.properties, "type");
      const v = ctx.properties.value;
      if (type === "number" && typeof v === "string") return Number(v);
      return v ?? null;
    },
  },
});
