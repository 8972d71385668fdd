import { describe, expect, it } from "vitest";
import { injectedLatencyMs } from "../federation/remote-heat";
import { intervalVar } from "./federation";

describe("a federation region's interval and latency variables", () => {
  it("take a default when unset, and a whole number of milliseconds >= 10", () => {
    expect(intervalVar("HEARTH_DIVERGENCE_SCAN_MS", 3000, {})).toBe(3000);
    expect(intervalVar("HEARTH_DIVERGENCE_SCAN_MS", 3000, { HEARTH_DIVERGENCE_SCAN_MS: "250" })).toBe(250);
  });

  it("refuse anything else, naming the variable", () => {
    for (const value of ["5", "1.5", "soon", "-100"]) {
      expect(() => intervalVar("HEARTH_REVOCATION_SYNC_MS", 2000, { HEARTH_REVOCATION_SYNC_MS: value })).toThrow(`HEARTH_REVOCATION_SYNC_MS must be a whole number of milliseconds >= 10, not "${value}"`);
    }
    expect(injectedLatencyMs({})).toBe(0);
    expect(injectedLatencyMs({ HEARTH_FEDERATION_LATENCY_MS: "50" })).toBe(50);
    expect(() => injectedLatencyMs({ HEARTH_FEDERATION_LATENCY_MS: "fast" })).toThrow('HEARTH_FEDERATION_LATENCY_MS must be a number of milliseconds >= 0, not "fast"');
  });
});
