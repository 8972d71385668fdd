import { afterAll, describe, expect, it } from "vitest";
import { openTempDatabase } from "../store/testing/temp-database";
import { savedTemplates } from "./templates";

const db = await openTempDatabase("hearth-templates-");
let tick = 0;
const templates = savedTemplates(db.database.templates, () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString());
afterAll(() => db.cleanup());

describe("saved templates", () => {
  it("versions every save of one template and lists the latest", async () => {
    const first = await templates.save({ name: " web ", text: "a: 1\n" });
    expect(first).toMatchObject({ version: 1, name: "web", text: "a: 1\n" });
    const second = await templates.save({ id: first.id, name: "web", text: "a: 2\n" });
    expect(second).toMatchObject({ id: first.id, version: 2 });
    const other = await templates.save({ name: "db", text: "b: 1\n" });
    expect((await templates.get(first.id)).text).toBe("a: 2\n");
    expect((await templates.get(first.id, 1)).text).toBe("a: 1\n");
    expect((await templates.list()).map((t) => [t.name, t.version])).toEqual([["db", 1], ["web", 2]]);
    expect((await templates.versions(first.id)).map((v) => v.version)).toEqual([2, 1]);
    expect(other.id).not.toBe(first.id);
  });

  it("refuses bad names, unknown ids and missing versions with clear errors", async () => {
    await expect(templates.save({ name: "  ", text: "" })).rejects.toThrow("Template name: give 1 to 100 characters");
    await expect(templates.save({ id: "nope", name: "x", text: "" })).rejects.toThrow("Saved template nope not found");
    await expect(templates.get("nope", 3)).rejects.toThrow("Saved template nope version 3 not found");
  });

  it("refuses a text over the engine's max_template_size, in Heat's words", async () => {
    const small = savedTemplates(db.database.templates, undefined, 10);
    await expect(small.save({ name: "big", text: "a: 123456789\n" })).rejects.toThrow("Template text: Template size (13 bytes) exceeds maximum allowed size (10 bytes).");
    await expect(small.save({ name: "fits", text: "a: 1\n" })).resolves.toMatchObject({ version: 1 });
  });
});
