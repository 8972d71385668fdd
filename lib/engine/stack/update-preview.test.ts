import { describe, expect, it } from "vitest";
import { ValidationError } from "../diagnostics";
import { createTestEngine, handCompile, type TestEngine } from "../testing";
import type { UpdatePreview } from "./api";

const tpl = (resources: Record<string, unknown>, parameters: Record<string, unknown> = {}) => JSON.stringify({ parameters, resources });
const P = { projectId: "p1" };

async function created(t: TestEngine, template: string, parameters?: Record<string, unknown>) {
  const stack = await t.finish(await t.engine.create("s", { template, parameters }, P));
  expect(stack.status).toBe("COMPLETE");
  t.world.log.length = 0;
  return stack;
}

/** name -> kind, for compact expectations. */
const kinds = (preview: UpdatePreview) => Object.fromEntries(preview.resources.map((r) => [r.name, r.kind]));

describe("previewUpdate", () => {
  it("tells no change, in place, replace (and what references it), create and delete, touching nothing", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await created(
      t,
      tpl({
        keep: { type: "Test::Generic", properties: { value: 1 } },
        edit: { type: "Test::Generic", properties: { value: 1 } },
        swap: { type: "Test::Generic", properties: { fixed: 1 } },
        user: { type: "Test::Generic", properties: { fixed: { get_resource: "swap" } } },
        gone: { type: "Test::Generic" },
      }),
    );
    const eventsBefore = (await t.store.listEvents(stack.id)).length;
    const preview = await t.engine.previewUpdate(stack.id, {
      template: tpl({
        keep: { type: "Test::Generic", properties: { value: 1 } },
        edit: { type: "Test::Generic", properties: { value: 2 } },
        swap: { type: "Test::Generic", properties: { fixed: 2 } },
        user: { type: "Test::Generic", properties: { fixed: { get_resource: "swap" } } },
        fresh: { type: "Test::Generic" },
      }),
    });
    expect(kinds(preview)).toEqual({ keep: "none", edit: "update", swap: "replace", user: "replace", fresh: "create", gone: "delete" });
    expect(preview.resources.find((r) => r.name === "edit")?.changed).toEqual(["value"]);
    expect(preview.resources.at(-1)?.name).toBe("gone");
    // Nothing ran, nothing was written.
    expect(t.world.log).toEqual([]);
    expect((await t.store.listEvents(stack.id)).length).toBe(eventsBefore);
    expect((await t.store.getStack(stack.id))?.action).toBe("CREATE");
  });

  it("keeps stored parameters with existing (PATCH) and shows a parameter change", async () => {
    const t = createTestEngine({ compile: handCompile });
    const template = tpl({ a: { type: "Test::Generic", properties: { value: { get_param: "size" } } }, b: { type: "Test::Generic" } }, { size: { default: "1" } });
    const stack = await created(t, template, { size: "2" });
    expect(kinds(await t.engine.previewUpdate(stack.id, {}, { existing: true }))).toEqual({ a: "none", b: "none" });
    const changed = await t.engine.previewUpdate(stack.id, { parameters: { size: "3" } }, { existing: true });
    expect(kinds(changed)).toEqual({ a: "update", b: "none" });
  });

  it("replaces an unhealthy resource and says why; flags an immutable change", async () => {
    const t = createTestEngine({ compile: handCompile });
    const template = tpl({ a: { type: "Test::Generic" }, b: { type: "Test::Generic", properties: { locked: 1 } } });
    const stack = await created(t, template);
    await t.engine.markUnhealthy(stack.id, "a", true, "hung");
    const preview = await t.engine.previewUpdate(stack.id, { template: tpl({ a: { type: "Test::Generic" }, b: { type: "Test::Generic", properties: { locked: 2 } } }) });
    expect(preview.resources[0]).toMatchObject({ name: "a", kind: "replace", reason: "marked unhealthy" });
    expect(preview.resources[1]).toMatchObject({ name: "b", kind: "update", changed: ["locked"] });
    expect(preview.resources[1].reason).toContain("immutable");
  });

  it("refuses a broken template as update does", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await created(t, tpl({ a: { type: "Test::Generic" } }));
    await expect(t.engine.previewUpdate(stack.id, { template: tpl({ a: { type: "No::Such" } }) })).rejects.toBeInstanceOf(ValidationError);
    await expect(t.engine.previewUpdate("missing", { template: tpl({}) })).rejects.toThrow(/not found/);
  });
});
