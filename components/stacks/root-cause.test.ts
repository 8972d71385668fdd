import { describe, expect, it } from "vitest";
import { failedStep, firstFailedResource, originalReason, rootCausePath, type StackLevel } from "./root-cause";
import { eventRecord, resourceRecord } from "@/lib/engine/testing/records";

const failedStack = { id: "s1", name: "web", action: "CREATE", status: "FAILED", statusReason: "Resource CREATE failed: Error: resources.inner: ..." } as const;

/** web (s1): net ok, inner (nested child c1) failed first, late failed later. */
const top: StackLevel = {
  stack: failedStack,
  resources: [
    resourceRecord("net", { action: "CREATE", status: "COMPLETE" }),
    resourceRecord("late", { action: "CREATE", status: "FAILED", statusReason: "cancelled" }),
    resourceRecord("inner", { type: "OS::Heat::Stack", action: "CREATE", status: "FAILED", statusReason: "nested failed", nestedStackId: "c1" }),
  ],
  events: [
    eventRecord(1, { isStackEvent: true, resourceName: "web" }),
    eventRecord(2, { resourceName: "inner", status: "FAILED" }),
    eventRecord(3, { resourceName: "late", status: "FAILED" }),
  ],
};

/** The nested stack c1: its resource bad failed with the original reason. */
const child: StackLevel = {
  stack: { id: "c1", name: "web-inner", action: "CREATE", status: "FAILED", statusReason: "Resource CREATE failed" },
  resources: [resourceRecord("bad", { stackId: "c1", type: "OS::Heat::TestResource", action: "CREATE", status: "FAILED", statusReason: "Test Resource failed bad" })],
  events: [eventRecord(10, { stackId: "c1", resourceName: "bad", status: "FAILED" })],
};

describe("firstFailedResource", () => {
  it("is the first resource to fail in the stack's latest operation", () => {
    expect(firstFailedResource(top.events, "s1")).toBe("inner");
    expect(firstFailedResource([...top.events].reverse(), "s1")).toBe("inner");
  });

  it("forgets failures of an earlier operation and ignores other stacks' events", () => {
    const later = [...top.events, eventRecord(4, { isStackEvent: true, resourceName: "web", action: "UPDATE" })];
    expect(firstFailedResource(later, "s1")).toBeUndefined();
    expect(firstFailedResource([eventRecord(1, { stackId: "c1", status: "FAILED" })], "s1")).toBeUndefined();
  });
});

describe("rootCausePath", () => {
  it("goes from the stack through the first failed resource into its nested stack, to the original reason", async () => {
    const loaded: string[] = [];
    const path = await rootCausePath(top, async (id) => {
      loaded.push(id);
      return id === "c1" ? child : undefined;
    });
    expect(loaded).toEqual(["c1"]);
    expect(path).toEqual([
      { stackId: "s1", stackName: "web", resource: "inner", type: "OS::Heat::Stack", status: "CREATE_FAILED", reason: "nested failed", nestedStackId: "c1" },
      { stackId: "c1", stackName: "web-inner", resource: "bad", type: "OS::Heat::TestResource", status: "CREATE_FAILED", reason: "Test Resource failed bad", nestedStackId: null },
    ]);
    expect(originalReason(failedStack.statusReason, path)).toBe("Test Resource failed bad");
  });

  it("is empty for a stack that has not failed, and stops where no resource failed or a stack is gone", async () => {
    expect(await rootCausePath({ ...top, stack: { ...failedStack, status: "COMPLETE" } }, async () => child)).toEqual([]);
    const gone = await rootCausePath(top, async () => undefined);
    expect(gone.map((s) => s.resource)).toEqual(["inner"]);
    const timedOut: StackLevel = { ...top, resources: [resourceRecord("net", { action: "CREATE", status: "IN_PROGRESS" })] };
    expect(await rootCausePath(timedOut, async () => undefined)).toEqual([]);
    expect(originalReason("Timed out", [])).toBe("Timed out");
  });

  it("falls back to any failed resource when the first to fail has recovered", () => {
    const recovered: StackLevel = { ...top, resources: top.resources.filter((r) => r.name !== "inner") };
    expect(failedStep(recovered)?.resource).toBe("late");
  });

  it("does not loop forever on a nested stack that names itself", async () => {
    const loop: StackLevel = { ...child, resources: [resourceRecord("self", { action: "CREATE", status: "FAILED", nestedStackId: "c1" })] };
    const path = await rootCausePath({ ...loop, stack: { ...loop.stack, status: "FAILED" } }, async () => loop);
    expect(path.length).toBe(16);
  });
});
