import { describe, expect, it } from "vitest";
import { hash32, macFromKey, unitHash, uuidFromKey } from "./hash";

describe("seeded hashing", () => {
  it("is deterministic and spreads keys", () => {
    expect(hash32("a")).toBe(hash32("a"));
    expect(hash32("a")).not.toBe(hash32("b"));
    const values = Array.from({ length: 1000 }, (_, i) => unitHash(42, "k", i));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it("makes v4-shaped UUIDs and OpenStack MACs", () => {
    const id = uuidFromKey("seed/RegionOne/1");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidFromKey("seed/RegionOne/2")).not.toBe(id);
    expect(macFromKey("x")).toMatch(/^fa:16:3e(:[0-9a-f]{2}){3}$/);
  });
});
