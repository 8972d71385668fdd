/**
 * Hostile input against the limits (issue 13, findings 3 and 6), through the REST API and the CLI:
 * every case of limit-cases.ts is refused with its clear message and place, and a refused create
 * leaves nothing behind that grew without bound (no more nested stacks than max_nested_stack_depth,
 * stack at all when a group's known size is over max_resources_per_stack).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_CASES, type HostileCase } from "./limit-cases";
import { SURFACES, type Surface } from "./surfaces";

/** Stacks of every project, nested ones included. */
async function allStacks(surface: Surface): Promise<{ name: string; parentId: string | null }[]> {
  return surface.hearth.listStacks({ includeNested: true });
}

describe.each(["api", "cli"] as const)("limits through the %s", (surfaceName) => {
  const open = new Map<string, Surface>();
  /** One surface per distinct set of limits. */
  const surfaceFor = async (c: HostileCase): Promise<Surface> => {
    const key = JSON.stringify(c.limits ?? {});
    if (!open.has(key)) open.set(key, await SURFACES[surfaceName](c.limits));
    return open.get(key)!;
  };
  beforeAll(async () => {
    await surfaceFor({ limits: {} } as HostileCase);
  });
  afterAll(async () => {
    for (const surface of open.values()) await surface.close();
  });

  it.each(HOSTILE_CASES.map((c, i) => [c.name, c, i] as const).filter(([, c]) => (c.only ?? surfaceName) === surfaceName))("%s is refused with its message and place", async (_name, c, i) => {
    const surface = await surfaceFor(c);
    const outcome = await surface.submit(c, `hostile${i}`);
    expect(outcome.refused, outcome.text).toBe(true);
    expect(outcome.text).toMatch(c.refusal);
    if (c.where) expect(outcome.text).toMatch(c.where);
  });

  it("a self-including OS::Heat::Stack stops at max_nested_stack_depth", async () => {
    const c = HOSTILE_CASES.find((x) => x.name === "an OS::Heat::Stack including itself")!;
    const surface = await surfaceFor(c);
    await surface.submit(c, "deep");
    const stacks = await allStacks(surface);
    // the root and five levels below it; the sixth was refused before it was stored
    expect(stacks.filter((s) => s.name.startsWith("deep")).length).toBe(6);
  });

  it("a ResourceGroup over the limit is refused before anything is stored", async () => {
    const c = HOSTILE_CASES.find((x) => x.name === "a ResourceGroup of 5000")!;
    const surface = await surfaceFor(c);
    await surface.submit(c, "wide");
    const names = (await allStacks(surface)).map((s) => s.name).filter((n) => n.startsWith("wide"));
    expect(names).toEqual([]);
  });
});
