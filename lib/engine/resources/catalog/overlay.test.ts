import { describe, expect, it } from "vitest";
import { defineResource } from "../define";
import { builtinPlugins } from "../index";
import { catalogSchema } from "./overlay";

const handlers = { create: async () => undefined };

describe("a plugin laid over Heat's schema", () => {
  it("takes Heat's description and status at once, and its properties and attributes on their first read", () => {
    const plugin = defineResource({ type: "OS::Heat::RandomString", handlers, properties: { length: { references: ["OS::Heat::None"] } } });
    expect(plugin.description).toBe(catalogSchema("OS::Heat::RandomString")!.description);
    expect(Object.getOwnPropertyDescriptor(plugin, "properties")?.get).toBeDefined();
    const properties = plugin.properties;
    expect(properties.length).toMatchObject({ type: "integer", default: 32, references: ["OS::Heat::None"] });
    expect(Object.getOwnPropertyDescriptor(plugin, "properties")).toMatchObject({ value: properties, enumerable: true });
    expect(plugin.properties).toBe(properties);
    expect({ ...plugin }.attributes.value).toMatchObject({ type: "string" });
  });

  it("that differs from Heat's schema throws where its schema is read, every time", () => {
    const drifted = defineResource({ type: "OS::Heat::RandomString", handlers, properties: { length: { default: 8 } } });
    expect(() => drifted.properties).toThrow("OS::Heat::RandomString.length: default 8 differs from Heat's 32");
    expect(() => drifted.properties).toThrow("differs from Heat's 32");
    const badAttribute = defineResource({ type: "OS::Heat::RandomString", handlers, attributes: { value: { type: "integer" } } });
    expect(() => badAttribute.attributes).toThrow("OS::Heat::RandomString attribute value: type integer differs from Heat's string");
  });

  it("can be set, like any plugin field", () => {
    const plugin = defineResource({ type: "OS::Heat::None", handlers });
    plugin.attributes = {};
    expect(plugin.attributes).toEqual({});
  });
});

describe("every built-in plugin", () => {
  it("lays its properties and attributes over Heat's schema without drifting (the check a lazy overlay defers)", () => {
    const failures: string[] = [];
    for (const p of builtinPlugins()) {
      try {
        expect(Object.keys(p.properties).length + Object.keys(p.attributes).length, p.type).toBeGreaterThan(0);
      } catch (e) {
        failures.push(`${p.type}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
