/**
 * Every Heat type that runs on the placeholder plugin, service by service, through the engine: a stack
 * with one resource per type (its required properties from sample-properties.ts) is created, updated in
 * place where the schema allows the change and replaced where it does not, suspended and resumed,
 * checked, read (attributes of the declared types) and deleted, leaving nothing in the cloud.
 */
import { describe, expect, it } from "vitest";
import { heatTypes, serviceOf } from "../catalog/heat-catalog";
import { createTestEngine, type TestEngine } from "../../testing";
import { defaultRegistry } from "../index";
import type { PropertySchema, ResourcePlugin } from "../types";
import { isPlaceholder } from "./placeholder";
import { sampleProperties, sampleValue } from "./sample-properties";

const PROJECT = "p1";
const placeholders = Object.keys(heatTypes.types).map((t) => defaultRegistry.get(t)!).filter(isPlaceholder);
const services = [...new Set(placeholders.map((p) => serviceOf(p.type)))].sort();

const settable = (p: ResourcePlugin) => Object.entries(p.properties).filter(([, s]) => !s.hidden && s.implemented !== false && !s.immutable);

/** A property whose change the schema applies in place (updateAllowed) or by replacement, with a new value. */
function changeOf(p: ResourcePlugin, inPlace: boolean, props: Record<string, unknown>): [string, unknown] | undefined {
  for (const [name, s] of settable(p)) {
    if ((s.updateAllowed === true) !== inPlace) continue;
    const next = sampleValue(s, 1);
    const current = name in props ? props[name] : s.default;
    if (current === undefined || JSON.stringify(next) !== JSON.stringify(current)) return [name, next];
  }
  return undefined;
}

const template = (resources: Record<string, { type: string; properties: Record<string, unknown> }>) =>
  JSON.stringify({ heat_template_version: "2018-08-31", resources });

function typeMatches(type: PropertySchema["type"] | undefined, value: unknown): boolean {
  if (value === null || type === undefined || type === "any") return true;
  if (type === "integer") return Number.isInteger(value);
  if (type === "list") return Array.isArray(value);
  if (type === "map") return typeof value === "object" && !Array.isArray(value);
  return typeof value === type;
}

async function run(t: TestEngine, action: Promise<{ done: Promise<{ action: string; status: string; statusReason?: string }> }>) {
  const stack = await t.finish((await action) as never);
  return `${stack.action}_${stack.status}`;
}

describe.each(services)("%s types on placeholder objects", (service) => {
  it("create, update in place or by replacement, suspend, resume, check, attributes and delete through the engine", async () => {
    const t = createTestEngine();
    const types = placeholders.filter((p) => serviceOf(p.type) === service);
    const names = new Map(types.map((p, i) => [p.type, `r${i}`]));
    let props = Object.fromEntries(types.map((p) => [p.type, sampleProperties(p.properties)]));
    const tpl = () => template(Object.fromEntries(types.map((p) => [names.get(p.type)!, { type: p.type, properties: props[p.type] }])));
    const created = await t.finish(await t.engine.create(`cat-${service}`, { template: tpl() }, { projectId: PROJECT }));
    expect(`${created.action}_${created.status}`, created.statusReason).toBe("CREATE_COMPLETE");
    const client = t.cloud.region("RegionOne", PROJECT).objects;
    const ids = async () => new Map((await t.engine.resources(created.id)).map((r) => [r.name, r.physicalId]));
    const before = await ids();
    expect((await client.listObjects()).map((o) => o.kind).sort()).toEqual(types.map((p) => p.type).sort());

    for (const inPlace of [true, false]) {
      const changes = new Map(types.map((p) => [p.type, changeOf(p, inPlace, props[p.type])] as const));
      props = Object.fromEntries(types.map((p) => [p.type, { ...props[p.type], ...Object.fromEntries([changes.get(p.type)].filter((c) => c !== undefined)) }]));
      const prior = await ids();
      expect(await run(t, t.engine.update(created.id, { template: tpl() }))).toBe("UPDATE_COMPLETE");
      const after = await ids();
      for (const p of types) {
        const change = changes.get(p.type);
        if (!change) continue;
        const name = names.get(p.type)!;
        expect(after.get(name) === prior.get(name), `${p.type} ${change[0]} ${inPlace ? "in place" : "replaces"}`).toBe(inPlace);
        expect((await client.getObject(after.get(name)!)).properties[change[0]], p.type).toEqual(change[0] in props[p.type] ? props[p.type][change[0]] : undefined);
      }
    }
    expect((await client.listObjects()).length).toBe(types.length);
    expect(before.size).toBe(types.length);

    const suspendable = types.filter((p) => p.handlers.suspend);
    expect(await run(t, t.engine.suspend(created.id))).toBe("SUSPEND_COMPLETE");
    const current = await ids();
    for (const p of suspendable) expect((await client.getObject(current.get(names.get(p.type)!)!)).status, p.type).toBe("SUSPENDED");
    expect(await run(t, t.engine.resume(created.id))).toBe("RESUME_COMPLETE");
    for (const p of suspendable) expect((await client.getObject(current.get(names.get(p.type)!)!)).status, p.type).toBe("ACTIVE");
    expect(await run(t, t.engine.check(created.id))).toBe("CHECK_COMPLETE");

    for (const p of types) {
      const attributes = await t.engine.resourceAttributes(created.id, names.get(p.type)!);
      for (const [name, schema] of Object.entries(p.attributes)) {
        expect(typeMatches(schema.type, attributes[name]), `${p.type} ${name} = ${JSON.stringify(attributes[name])}`).toBe(true);
      }
      expect(attributes.show, p.type).toMatchObject({ id: current.get(names.get(p.type)!), status: "ACTIVE" });
    }

    expect(await run(t, t.engine.delete(created.id))).toBe("DELETE_COMPLETE");
    expect(await client.listObjects()).toEqual([]);
  });
});
