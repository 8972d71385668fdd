import { describe, expect, it, vi } from "vitest";
import { builtinPlugins, createRegistry, defaultRegistry, resourceTypeSchema } from "./index";
import { heatTypes, serviceOf, type HeatCatalogEntry } from "./catalog/heat-catalog";
import { heatTypeList } from "./catalog/type-list";
import { noneResource } from "./heat/none";
import type { PropertySchema } from "./types";

/** Every type Heat 19 lists, and Hearth's own (FailoverPolicy). */
const EXPECTED = [...heatTypeList.resource_types.map((t) => t.resource_type), "OS::Heat::FailoverPolicy"].sort((a, b) => a.localeCompare(b));

function walk(schema: Record<string, PropertySchema>, visit: (path: string, s: PropertySchema) => void, prefix = "") {
  for (const [k, s] of Object.entries(schema)) {
    visit(prefix + k, s);
    if (s.schema) walk(s.schema, visit, `${prefix}${k}.`);
    if (s.items) walk({ "*": s.items }, visit, `${prefix}${k}.`);
  }
}

describe("registry", () => {
  it("holds every built-in type, sorted, with Heat's description and its service; lists no HIDDEN type but finds it", () => {
    expect(defaultRegistry.list().map((p) => p.type)).toEqual(EXPECTED);
    for (const p of builtinPlugins()) {
      expect(p.description).toBe(heatTypes.types[p.type]?.show.description ?? p.description);
      expect(p.description.length, p.type).toBeGreaterThan(5);
      expect(p.service).toBe(serviceOf(p.type));
      expect(defaultRegistry.get(p.type)).toBe(p);
    }
    expect(builtinPlugins()).toHaveLength(Object.keys(heatTypes.types).length + 1);
    expect(defaultRegistry.get("OS::Heat::HARestarter")?.supportStatus?.status).toBe("HIDDEN");
    expect(defaultRegistry.list().some((p) => p.type === "OS::Heat::HARestarter")).toBe(false);
    expect(defaultRegistry.get("OS::Nova::Nope")).toBeUndefined();
  });

  it("differs from Heat's schemas only by the extensions catalog/README.md documents", () => {
    const extensions: string[] = [];
    for (const p of builtinPlugins()) {
      for (const [name, s] of Object.entries(p.properties)) if (s.extension) extensions.push(`${p.type} ${name}`);
      for (const [name, a] of Object.entries(p.attributes)) if (a.extension) extensions.push(`${p.type} attribute ${name}`);
    }
    expect(extensions.sort()).toEqual([
      "OS::Aodh::Alarm attribute state",
      "OS::Heat::AutoScalingGroup health_check",
      "OS::Heat::AutoScalingGroup resource",
      "OS::Heat::ScalingPolicy adjustment_type",
      "OS::Heat::ScalingPolicy auto_scaling_group_id",
      "OS::Heat::ScalingPolicy auto_scaling_policy_id",
    ]);
    expect(builtinPlugins().filter((p) => !heatTypes.types[p.type]).map((p) => p.type)).toEqual(["OS::Heat::FailoverPolicy"]);
  });

  it("converts no Heat schema at load, makes a placeholder plugin when its type is first asked for, and all of them when listed", async () => {
    vi.resetModules();
    const made: string[] = [];
    const converted: string[] = [];
    vi.doMock("./placeholder/placeholder", async (importOriginal) => {
      const actual = await importOriginal<typeof import("./placeholder/placeholder")>();
      return { ...actual, placeholderPlugin: (type: string) => (made.push(type), actual.placeholderPlugin(type)) };
    });
    vi.doMock("./catalog/heat-schema", async (importOriginal) => {
      const actual = await importOriginal<typeof import("./catalog/heat-schema")>();
      return { ...actual, typeFromHeat: (entry: HeatCatalogEntry) => (converted.push(entry.show.resource_type), actual.typeFromHeat(entry)) };
    });
    try {
      const fresh = await import("./index");
      expect(made).toEqual([]);
      expect(converted).toEqual([]);
      expect(fresh.defaultRegistry.get("OS::Nova::Server")).toBeDefined();
      expect(fresh.defaultRegistry.get("toString")).toBeUndefined();
      expect(made).toEqual([]);
      const secret = fresh.defaultRegistry.get("OS::Barbican::Secret");
      expect(fresh.defaultRegistry.get("OS::Barbican::Secret")).toBe(secret);
      expect(made).toEqual(["OS::Barbican::Secret"]);
      expect(converted).toEqual([]);
      expect(Object.keys(secret!.properties)).toContain("name");
      expect(converted).toEqual(["OS::Barbican::Secret"]);
      expect(fresh.defaultRegistry.list().map((p) => p.type)).toEqual(EXPECTED);
      expect(new Set(made).size).toBe(made.length);
      expect(fresh.builtinPlugins()).toContain(secret);
    } finally {
      vi.doUnmock("./placeholder/placeholder");
      vi.doUnmock("./catalog/heat-schema");
      vi.resetModules();
    }
  });

  it("builds registries from chosen plugins and refuses duplicates", () => {
    expect(createRegistry([noneResource]).list()).toEqual([noneResource]);
    expect(() => createRegistry([noneResource, noneResource])).toThrow("Resource type OS::Heat::None is registered twice");
  });

  it("has consistent schemas: defaults fit allowed values, references name registered types, updatable types have update hooks", () => {
    for (const p of builtinPlugins()) {
      walk(p.properties, (path, s) => {
        for (const ref of s.references ?? []) expect(defaultRegistry.get(ref), `${p.type} ${path} -> ${ref}`).toBeDefined();
        const allowed = s.constraints?.find((c) => "allowedValues" in c);
        if (allowed && "allowedValues" in allowed && s.default !== undefined) {
          const values = Array.isArray(s.default) ? s.default : [s.default];
          for (const v of values) expect(allowed.allowedValues, `${p.type} ${path}`).toContain(v);
        }
      });
      const updatable = Object.values(p.properties).some((s) => s.updateAllowed) || p.openProperties;
      expect(!!p.handlers.update, `${p.type} update hook`).toBe(!!updatable);
    }
  });

  it("marks service references as same-region", () => {
    const same = (type: string, prop: string) => defaultRegistry.get(type)!.properties[prop].region;
    expect(same("OS::Cinder::VolumeAttachment", "instance_uuid")).toBe("same");
    expect(same("OS::Cinder::VolumeAttachment", "volume_id")).toBe("same");
    expect(same("OS::Nova::Server", "networks")).toBe("same");
    expect(same("OS::Neutron::Port", "network")).toBe("same");
    expect(same("OS::Neutron::FloatingIPAssociation", "port_id")).toBe("same");
    expect(same("OS::Heat::Stack", "template")).toBeUndefined();
  });
});

describe("resourceTypeSchema", () => {
  it("renders properties as Heat's GET /resource_types/{type}", () => {
    const doc = resourceTypeSchema("OS::Heat::RandomString")!;
    expect(doc.resource_type).toBe("OS::Heat::RandomString");
    expect(doc.support_status).toEqual(heatTypes.types["OS::Heat::RandomString"].show.support_status);
    expect(doc.support_status.status).toBe("SUPPORTED");
    expect(doc.properties.length).toEqual({
      type: "integer",
      description: "Length of the string to generate.",
      default: 32,
      required: false,
      update_allowed: false,
      immutable: false,
      constraints: [{ range: { min: 1, max: 512 } }],
    });
    expect(doc.properties.sequence).toBeUndefined();
    expect(doc.properties.character_classes.schema?.["*"].schema?.class.constraints).toEqual([
      { allowed_values: ["lettersdigits", "letters", "lowercase", "uppercase", "digits", "hexdigits", "octdigits"] },
    ]);
    expect(doc.attributes.value).toEqual({ description: expect.any(String), type: "string" });
    expect(doc.attributes.show).toEqual({ description: "Detailed information about resource.", type: "map" });
  });

  it("spells custom constraints and update_allowed as Heat", () => {
    const server = resourceTypeSchema("OS::Nova::Server")!;
    expect(server.properties.flavor).toMatchObject({ required: true, update_allowed: true, constraints: [{ custom_constraint: "nova.flavor" }] });
    expect(server.properties.networks.schema?.["*"].schema?.network.constraints).toEqual([{ custom_constraint: "neutron.network" }]);
    const wait = resourceTypeSchema("OS::Heat::WaitCondition")!;
    // Heat's constraint carries no description of its own (Hearth's hand-written one did)
    expect(wait.properties.timeout.constraints).toEqual([{ range: { min: 1, max: 43200 } }]);
  });

  it("answers undefined for an unknown type", () => {
    expect(resourceTypeSchema("OS::Nope")).toBeUndefined();
  });
});
