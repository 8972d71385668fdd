import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createHearth } from "@/lib/services";
import type { Hearth } from "@/lib/services/types";
import { tempDatabaseFile } from "@/lib/store/testing/temp-database";

/** The console's session Hearth is a real one on a temporary database (sessions are tested in lib/console). */
const services = vi.hoisted(() => ({ hearth: undefined as Hearth | undefined }));
vi.mock("@/lib/console/session", () => ({ consoleHearth: async () => services.hearth }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`redirect ${url}`), { url });
  },
}));

const { launchStack, validateTemplate } = await import("./actions");

const file = tempDatabaseFile("hearth-launch-actions-");
const root = path.resolve(import.meta.dirname, "..", "..");
const template = fs.readFileSync(path.join(root, "examples/bad-cross-region-stack.yaml"), "utf8");
const PATH = "volume (RegionOne) -> app:attach (RegionTwo) via parameter vol_id of resource app";

beforeAll(async () => {
  services.hearth = await createHearth({ databaseUrl: file.url, root, simSpeed: 0, simSeed: 2, pollIntervalMs: 10, haMonitor: false, owner: "engine-launch-test" });
});
afterAll(async () => {
  await services.hearth?.close();
  file.remove();
});

describe("the Launch page's actions refuse a cross-region connection inside a nested stack", () => {
  it("validate shows it with the path through the templates, at the parameter that hands the volume over", async () => {
    const result = await validateTemplate({ template, templateName: "bad-cross-region-stack.yaml" });
    expect(result.valid).toBe(false);
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.code)).toEqual(["region.cross"]);
    expect(errors[0].message).toContain(PATH);
    expect(errors[0].message).toContain('"app:server" (OS::Nova::Server) in region RegionTwo');
    expect(errors[0].path).toEqual(["resources", "app", "properties", "parameters", "vol_id"]);
  });

  it("launch is refused with the same message and nothing is allocated", async () => {
    const refusal = await launchStack({ name: "nested", template, templateName: "bad-cross-region-stack.yaml", parameters: {}, enableRollback: true });
    expect(JSON.stringify(refusal)).toContain(PATH);
    const hearth = services.hearth!;
    expect(await hearth.listStacks()).toEqual([]);
    const inventory = await hearth.cloudInventory();
    expect([inventory.servers, inventory.volumes]).toEqual([[], []]);
  });
});
