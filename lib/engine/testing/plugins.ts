/**
 * Resource plugins for engine tests, all recording into a TestWorld (the "physical" resources that
 * exist and the log of calls), so tests assert what really happened:
 * - Test::Generic: in-place updates of `value`, replacement on `fixed`, refusal of `locked` (immutable)
 * - Test::Failing: fails the actions listed in `fail_on` (create, update, delete, check, suspend, resume)
 * - Test::Slow: each action takes `delay_ms` on the engine's clock (polled through check hooks)
 * - Test::BreakFirst: like Generic, but a replacement deletes the old copy first
 * A create run again on a record that already names a live resource (an engine took it over) keeps it.
 */
import { builtinPlugins, createRegistry } from "../resources";
import { defineResource } from "../resources/define";
import { type ResourceContext, type ResourcePlugin, type TypeRegistry } from "../resources/types";

/** What the test plugins did: live physical resources and a log of "create a", "delete b"... */
export class TestWorld {
  readonly live = new Map<string, { name: string; type: string; properties: Record<string, unknown> }>();
  readonly log: string[] = [];
  readonly signals: { name: string; details: unknown }[] = [];
  private next = 0;

  /** A new physical id for `name`. */
  allocate(name: string): string {
    return `${name}-${++this.next}`;
  }

  /** Log entries for one action, in order. */
  entries(action: string): string[] {
    return this.log.filter((l) => l.startsWith(`${action} `)).map((l) => l.slice(action.length + 1));
  }
}

const failOn = (ctx: ResourceContext, action: string) => {
  const list = ctx.properties.fail_on;
  if (Array.isArray(list) && list.includes(action)) {
    const err = new Error(String(ctx.properties.message ?? `${action} failed on purpose`));
    err.name = "ResourceInError";
    throw err;
  }
};

/** Starts an action that finishes after `delay_ms` on the engine clock (0 = at once). */
const until = (ctx: ResourceContext) => ctx.now() + Number(ctx.properties.delay_ms ?? 0);
const reached = async (ctx: ResourceContext, token: unknown) => ctx.now() >= (token as number);

/** Defaults that make one test type differ from another. */
interface Flavour {
  failOn?: string[];
  delayMs?: number;
  replaceCreateFirst?: boolean;
}

function testPlugin(world: TestWorld, type: string, description: string, flavour: Flavour = {}): ResourcePlugin {
  return defineResource({
    type,
    description,
    service: "Test",
    properties: {
      value: { type: "any", description: "Updated in place.", updateAllowed: true },
      fixed: { type: "any", description: "A change replaces the resource." },
      locked: { type: "any", description: "A change is refused.", immutable: true },
      ref: { type: "string", description: "A reference to another resource (same region).", region: "same" },
      fail_on: { type: "list", description: "Actions that fail.", updateAllowed: true, default: flavour.failOn ?? [] },
      message: { type: "string", description: "Failure message.", updateAllowed: true },
      delay_ms: { type: "number", description: "Duration of each action on the engine clock.", updateAllowed: true, default: flavour.delayMs ?? 0 },
    },
    attributes: {
      value: { description: "The value property." },
      physical: { description: "The physical id." },
      info: { description: "A map: { name, value }." },
    },
    handlers: {
      async create(ctx) {
        failOn(ctx, "create");
        // run again by an engine that took the create over: what the first run made is kept
        if (ctx.physicalId && world.live.has(ctx.physicalId)) return until(ctx);
        const id = world.allocate(ctx.name);
        ctx.setPhysicalId(id);
        world.live.set(id, { name: ctx.name, type, properties: ctx.properties });
        world.log.push(`create ${ctx.name}`);
        return until(ctx);
      },
      checkCreateComplete: reached,
      async update(ctx, change) {
        failOn(ctx, "update");
        world.live.set(ctx.physicalId!, { name: ctx.name, type, properties: change.after });
        world.log.push(`update ${ctx.name}`);
        return until(ctx);
      },
      checkUpdateComplete: reached,
      async delete(ctx) {
        failOn(ctx, "delete");
        world.live.delete(ctx.physicalId!);
        world.log.push(`delete ${ctx.name}`);
        return until(ctx);
      },
      checkDeleteComplete: reached,
      async suspend(ctx) {
        failOn(ctx, "suspend");
        world.log.push(`suspend ${ctx.name}`);
      },
      async resume(ctx) {
        failOn(ctx, "resume");
        world.log.push(`resume ${ctx.name}`);
      },
      async check(ctx) {
        failOn(ctx, "check");
        if (!world.live.has(ctx.physicalId!)) throw new Error(`${ctx.physicalId} is gone`);
        world.log.push(`check ${ctx.name}`);
      },
      async signal(ctx, details) {
        world.signals.push({ name: ctx.name, details });
        ctx.setData("signals", String(Number(ctx.data.signals ?? 0) + 1));
      },
      async attribute(ctx, name) {
        if (name === "value") return ctx.properties.value;
        if (name === "physical") return ctx.physicalId;
        if (name === "info") return { name: ctx.name, value: ctx.properties.value };
        return undefined;
      },
    },
    replaceCreateFirst: flavour.replaceCreateFirst,
  });
}

/** The test plugins, recording into `world`. */
export function testPlugins(world: TestWorld): ResourcePlugin[] {
  return [
    testPlugin(world, "Test::Generic", "A generic resource."),
    testPlugin(world, "Test::Failing", "Fails the actions listed in fail_on (default: create).", { failOn: ["create"] }),
    testPlugin(world, "Test::Slow", "Each action takes delay_ms (default 1000) on the engine clock.", { delayMs: 1000 }),
    testPlugin(world, "Test::BreakFirst", "Replaced by deleting the old copy first.", { replaceCreateFirst: false }),
  ];
}

/** A registry of the built-in plugins, the test plugins recording into `world`, and `extra` ones. */
export function testRegistry(world: TestWorld, extra: ResourcePlugin[] = []): TypeRegistry {
  return createRegistry([...builtinPlugins(), ...testPlugins(world), ...extra]);
}
