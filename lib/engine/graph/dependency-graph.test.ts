import { describe, expect, it } from "vitest";
import { DependencyGraph } from "./dependency-graph";

describe("DependencyGraph", () => {
  const g = DependencyGraph.fromDependencies({ server: ["port", "volume"], port: ["net"], net: [], volume: [] });

  it("orders dependencies first", () => {
    const order = g.topologicalOrder();
    expect(order.indexOf("net")).toBeLessThan(order.indexOf("port"));
    expect(order.indexOf("port")).toBeLessThan(order.indexOf("server"));
    expect(order.indexOf("volume")).toBeLessThan(order.indexOf("server"));
  });

  it("reverses for deletion", () => {
    const order = g.reversed().topologicalOrder();
    expect(order[0]).toBe("server");
    expect(order.indexOf("port")).toBeLessThan(order.indexOf("net"));
  });

  it("names the members of a cycle as a closed path", () => {
    const cyc = DependencyGraph.fromDependencies({ a: ["b"], b: ["c"], c: ["a"], d: ["a"] });
    expect(cyc.findCycle()).toEqual(["a", "b", "c", "a"]);
    expect(() => cyc.topologicalOrder()).toThrow(/a -> b -> c -> a/);
  });

  it("finds a self-dependency", () => {
    expect(DependencyGraph.fromDependencies({ a: ["a"] }).findCycle()).toEqual(["a", "a"]);
  });

  it("handles a 10000-long chain without overflowing the stack", () => {
    const deps: Record<string, string[]> = {};
    for (let i = 0; i < 10_000; i++) deps[`r${i}`] = i ? [`r${i - 1}`] : [];
    const chain = DependencyGraph.fromDependencies(deps);
    expect(chain.findCycle()).toBeUndefined();
    expect(chain.criticalPath(() => 1)).toBe(10_000);
  });

  it("computes transitive dependencies and the critical path", () => {
    expect([...g.transitiveDependencies("server")].sort()).toEqual(["net", "port", "volume"]);
    expect(g.criticalPath((n) => (n === "volume" ? 5 : 1))).toBe(6);
  });
});
