import { describe, expect, it } from "vitest";
import { applyEvent, initialLiveState, mergeEvents } from "./live-state";
import { eventRecord as event, resourceRecord as resource } from "@/lib/engine/testing/records";

const head = { id: "s1", action: "CREATE", status: "IN_PROGRESS", statusReason: "Stack CREATE started" };

describe("initialLiveState", () => {
  it("joins action and status and leaves out replaced copies", () => {
    const state = initialLiveState(head, [resource("server"), resource("server", { id: "old", replacedBy: "r-server" })], 4);
    expect(state.status).toBe("CREATE_IN_PROGRESS");
    expect(state.resources).toEqual([
      { name: "server", type: "OS::Nova::Server", region: "RegionOne", physicalId: null, status: "INIT_COMPLETE", statusReason: "", nestedStackId: null },
    ]);
    expect(state.lastSeq).toBe(4);
  });
});

describe("applyEvent", () => {
  const start = initialLiveState(head, [resource("server"), resource("volume", { type: "OS::Cinder::Volume" })], 4);

  it("moves a resource row forward, keeping its type and region, taking the physical id", () => {
    const next = applyEvent(start, event(5, { status: "COMPLETE", physicalResourceId: "srv-1", reason: "done" }));
    expect(next.resources[0]).toEqual({
      name: "server",
      type: "OS::Nova::Server",
      region: "RegionOne",
      physicalId: "srv-1",
      status: "CREATE_COMPLETE",
      statusReason: "done",
      nestedStackId: null,
    });
    expect(next.resources[1]).toBe(start.resources[1]);
    expect(next.lastSeq).toBe(5);
  });

  it("keeps the nested stack a resource owns", () => {
    const nested = initialLiveState(head, [resource("inner", { type: "OS::Heat::Stack", nestedStackId: "child" })], 4);
    expect(nested.resources[0].nestedStackId).toBe("child");
    const next = applyEvent(nested, event(5, { resourceName: "inner", status: "FAILED" }));
    expect(next.resources[0]).toMatchObject({ status: "CREATE_FAILED", nestedStackId: "child" });
  });

  it("updates the stack status from stack events", () => {
    const next = applyEvent(start, event(5, { isStackEvent: true, resourceName: "web", status: "FAILED", reason: "Resource CREATE failed: quota" }));
    expect(next.status).toBe("CREATE_FAILED");
    expect(next.statusReason).toBe("Resource CREATE failed: quota");
    expect(next.resources).toBe(start.resources);
  });

  it("ignores events already in the snapshot", () => {
    expect(applyEvent(start, event(4, { status: "FAILED" }))).toBe(start);
  });

  it("adds a row for a resource the snapshot did not have yet", () => {
    const next = applyEvent(start, event(6, { resourceName: "port", resourceType: "OS::Neutron::Port" }));
    expect(next.resources.at(-1)).toMatchObject({ name: "port", type: "OS::Neutron::Port", region: "", status: "CREATE_IN_PROGRESS" });
  });

  it("only advances lastSeq for a nested stack's events", () => {
    const next = applyEvent(start, event(7, { stackId: "nested", resourceName: "server", status: "FAILED" }));
    expect(next.resources).toBe(start.resources);
    expect(next.status).toBe(start.status);
    expect(next.lastSeq).toBe(7);
  });
});

describe("mergeEvents", () => {
  it("keeps newest first and skips duplicates", () => {
    const merged = mergeEvents([event(2), event(1)], [event(2), event(4), event(3)]);
    expect(merged.map((e) => e.seq)).toEqual([4, 3, 2, 1]);
  });

  it("returns the same list when nothing is new", () => {
    const list = [event(2), event(1)];
    expect(mergeEvents(list, [event(1)])).toBe(list);
  });
});
