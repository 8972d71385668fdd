import { describe, expect, it } from "vitest";
import { formatDuration, ganttGroups, ganttRange, ganttSpans } from "./gantt";
import { eventRecord } from "@/lib/engine/testing/records";

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds)).toISOString();
const ms = (seconds: number) => Date.parse(at(seconds));

describe("ganttSpans", () => {
  it("draws one span per resource action, from IN_PROGRESS to COMPLETE or FAILED", () => {
    const spans = ganttSpans(
      [
        eventRecord(1, { isStackEvent: true, resourceName: "web", time: at(0) }),
        eventRecord(2, { resourceName: "net", time: at(1) }),
        eventRecord(3, { resourceName: "server", time: at(2) }),
        eventRecord(4, { resourceName: "net", status: "COMPLETE", time: at(4), reason: "done" }),
        eventRecord(5, { resourceName: "server", status: "FAILED", time: at(7), reason: "quota" }),
      ],
      "s1",
    );
    expect(spans).toEqual([
      { resource: "net", type: "OS::Nova::Server", action: "CREATE", start: ms(1), end: ms(4), status: "COMPLETE", reason: "done" },
      { resource: "server", type: "OS::Nova::Server", action: "CREATE", start: ms(2), end: ms(7), status: "FAILED", reason: "quota" },
    ]);
  });

  it("keeps a span open while in progress and ignores a repeated IN_PROGRESS", () => {
    const spans = ganttSpans([eventRecord(1, { time: at(1) }), eventRecord(2, { time: at(3), reason: "still" })], "s1");
    expect(spans).toEqual([expect.objectContaining({ start: ms(1), end: null, status: "IN_PROGRESS" })]);
  });

  it("starts a new span per action (create failed, then delete on rollback) and orders by seq, not arrival", () => {
    const spans = ganttSpans(
      [
        eventRecord(4, { action: "DELETE", status: "COMPLETE", time: at(6) }),
        eventRecord(1, { time: at(1) }),
        eventRecord(2, { status: "FAILED", time: at(2) }),
        eventRecord(3, { action: "DELETE", time: at(3) }),
      ],
      "s1",
    );
    expect(spans.map((s) => [s.action, s.status, s.start, s.end])).toEqual([
      ["CREATE", "FAILED", ms(1), ms(2)],
      ["DELETE", "COMPLETE", ms(3), ms(6)],
    ]);
  });

  it("closes an open span when another action starts, and skips completions without a start", () => {
    const spans = ganttSpans(
      [eventRecord(1, { time: at(1) }), eventRecord(2, { action: "SIGNAL", status: "COMPLETE", time: at(2) }), eventRecord(3, { action: "UPDATE", time: at(5) })],
      "s1",
    );
    expect(spans.map((s) => [s.action, s.end])).toEqual([
      ["CREATE", ms(5)],
      ["UPDATE", null],
    ]);
  });

  it("leaves nested stacks' events to their own page", () => {
    expect(ganttSpans([eventRecord(1, { stackId: "child" })], "s1")).toEqual([]);
  });
});

describe("ganttRange and ganttGroups", () => {
  const spans = ganttSpans(
    [
      eventRecord(1, { resourceName: "b", time: at(2) }),
      eventRecord(2, { resourceName: "a", time: at(1) }),
      eventRecord(3, { resourceName: "b", status: "COMPLETE", time: at(4) }),
    ],
    "s1",
  );

  it("runs from the first start to the last end, open spans ending now", () => {
    expect(ganttRange(spans, ms(9))).toEqual({ start: ms(1), end: ms(9) });
    expect(ganttRange([], 5)).toEqual({ start: 5, end: 5 });
  });

  it("groups rows by region, regions sorted, rows by first start; a resource without a region is named so", () => {
    const groups = ganttGroups(spans, (name) => (name === "a" ? "RegionTwo" : name === "b" ? "RegionOne" : ""));
    expect(groups.map((g) => [g.region, g.rows.map((r) => r.resource)])).toEqual([
      ["RegionOne", ["b"]],
      ["RegionTwo", ["a"]],
    ]);
    expect(ganttGroups(spans, () => "")[0].region).toBe("Unknown region");
  });
});

describe("formatDuration", () => {
  it("reads as milliseconds, seconds or minutes", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_340)).toBe("12.3 s");
    expect(formatDuration(245_000)).toBe("4 min 05 s");
  });
});
