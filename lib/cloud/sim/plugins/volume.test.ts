import { describe, expect, it } from "vitest";
import { volumeResource } from "../../../engine/resources/cinder/volume";
import { createSimBench } from "./sim-bench";

describe("OS::Cinder::Volume on the simulator", () => {
  it("reports quota exhaustion clearly", async () => {
    const bench = createSimBench();
    const h = bench.harness(volumeResource, { properties: { size: 5000 } });
    await expect(h.create()).rejects.toMatchObject({ name: "OverLimit", message: expect.stringContaining("quota exceeded") });
  });
});
