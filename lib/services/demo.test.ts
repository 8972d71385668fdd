import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDatabaseFile, type TempDatabaseFile } from "../store/testing/temp-database";
import { createDemoIfEmpty, DEMO_STACK_NAME } from "./demo";
import { createHearth } from "./index";
import type { Hearth } from "./types";

const root = path.resolve(import.meta.dirname, "..", "..");
let file: TempDatabaseFile;
let hearth: Hearth;

beforeEach(async () => {
  file = tempDatabaseFile("hearth-demo-");
  hearth = await createHearth({ databaseUrl: file.url, root, simSpeed: 0, owner: "engine-demo-test" });
});
afterEach(async () => {
  await hearth.close();
  file.remove();
});

describe("createDemoIfEmpty", () => {
  it("creates the multi-region demo on an empty database, once", async () => {
    const handle = await createDemoIfEmpty(hearth, root, {});
    expect(handle).toBeDefined();
    const stack = await handle!.done;
    expect(`${stack.action}_${stack.status}`).toBe("CREATE_COMPLETE");
    const [summary] = await hearth.listStacks();
    expect(summary).toMatchObject({ name: DEMO_STACK_NAME, regions: ["RegionOne", "RegionTwo"] });
    const { resources } = await hearth.getStack(DEMO_STACK_NAME);
    expect(resources.find((r) => r.name === "data_attachment")?.region).toBe("RegionOne");
    expect(resources.find((r) => r.name === "standby_server")?.region).toBe("RegionTwo");
    expect(await createDemoIfEmpty(hearth, root, {})).toBeUndefined();
  });

  it("does nothing when HEARTH_DEMO=0", async () => {
    expect(await createDemoIfEmpty(hearth, root, { HEARTH_DEMO: "0" })).toBeUndefined();
    expect(await hearth.listStacks()).toEqual([]);
  });
});
