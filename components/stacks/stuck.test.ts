import { describe, expect, it } from "vitest";
import { createRegistry } from "@/lib/engine/resources";
import { serverResource } from "@/lib/engine/resources/nova/server";
import { DEFAULT_EXPECTED_MS } from "@/lib/engine/resources/types";
import type { GanttSpan } from "./gantt";
import { typeExpectations } from "./stack-context";
import { expectedMs, stuckResources } from "./stuck";

function span(resource: string, type: string, start: number, end: number | null = null): GanttSpan {
  return { resource, type, action: "CREATE", start, end, status: end === null ? "IN_PROGRESS" : "COMPLETE", reason: "" };
}

describe("stuckResources", () => {
  const now = 200_000;

  it("names open spans older than their type's expectation, longest waiting first", () => {
    const stuck = stuckResources(
      [
        span("quick", "OS::Heat::TestResource", now - 10_000),
        span("slow", "OS::Heat::TestResource", now - 31_000),
        span("slower", "OS::Cinder::Volume", now - 90_000),
        span("server", "OS::Nova::Server", now - 45_000),
        span("done", "OS::Heat::TestResource", 0, 150_000),
      ],
      now,
      typeExpectations(),
    );
    expect(stuck).toEqual([
      { resource: "slower", type: "OS::Cinder::Volume", action: "CREATE", elapsedMs: 90_000, expectedMs: DEFAULT_EXPECTED_MS },
      { resource: "slow", type: "OS::Heat::TestResource", action: "CREATE", elapsedMs: 31_000, expectedMs: DEFAULT_EXPECTED_MS },
    ]);
  });

  it("gives slow types more time and accepts other expectations", () => {
    expect(expectedMs("OS::Heat::Stack", typeExpectations())).toBe(120_000);
    expect(expectedMs("OS::Neutron::Net", typeExpectations())).toBe(DEFAULT_EXPECTED_MS);
    const quickServers = createRegistry([{ ...serverResource, expectedMs: 40_000 }]);
    expect(stuckResources([span("server", "OS::Nova::Server", now - 45_000)], now, typeExpectations(quickServers))).toHaveLength(1);
  });
});
