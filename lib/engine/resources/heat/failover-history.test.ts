import { describe, expect, it } from "vitest";
import { applyFailoverEvent, failoverHistory, NO_END, type FailoverEvent } from "./failover-history";

const at = (seq: number, reason: string, action: FailoverEvent["action"] = "CREATE", status: FailoverEvent["status"] = "COMPLETE"): FailoverEvent => ({
  seq,
  reason,
  action,
  status,
  time: `2026-01-01T00:00:${String(seq).padStart(2, "0")}.000Z`,
});

describe("failoverHistory", () => {
  it("reads a completed failover with each step's duration, whatever order the events come in", () => {
    const events = [
      at(3, "Failover 2/6 detach: followers detached from a (srv-a) (177 ms)"),
      at(1, "Failover from a started: health check: member a failed 2 checks in a row"),
      at(2, "Failover 1/6 quiesce: ran quiesce on a (265 ms)"),
      at(4, "Failover from a to b completed in 1811 ms"),
      at(5, "Signal: probe", "SIGNAL", "COMPLETE"),
    ];
    expect(failoverHistory(events)).toEqual([
      {
        seq: 1,
        startedAt: "2026-01-01T00:00:01.000Z",
        reason: "health check: member a failed 2 checks in a row",
        from: "a",
        to: "b",
        state: "completed",
        steps: [
          { step: "quiesce", detail: "ran quiesce on a", ms: 265 },
          { step: "detach", detail: "followers detached from a (srv-a)", ms: 177 },
        ],
        durationMs: 1811,
        error: null,
      },
    ]);
  });

  it("keeps a failover running until it completes, and marks it failed when the signal fails", () => {
    let runs = failoverHistory([at(1, "Failover from a started: drill"), at(2, "Failover 1/6 quiesce: x (1 ms)")]);
    expect(runs).toMatchObject([{ state: "running", to: null, steps: [{ step: "quiesce" }] }]);
    runs = applyFailoverEvent(runs, at(3, "Signal failed: no standby", "SIGNAL", "FAILED"));
    expect(runs).toMatchObject([{ state: "failed", error: "Signal failed: no standby" }]);
  });

  it("ignores events outside a failover and starts a new run for each start", () => {
    const before = failoverHistory([at(1, "state changed")]);
    expect(before).toEqual([]);
    expect(applyFailoverEvent(before, at(2, "Failover 1/6 quiesce: x (1 ms)"))).toBe(before);
    const two = failoverHistory([at(1, "Failover from a started: one"), at(2, "Failover from a to b completed in 5 ms"), at(3, "Failover from b started: two")]);
    expect(two.map((r) => [r.from, r.state])).toEqual([
      ["a", "completed"],
      ["b", "running"],
    ]);
  });

  it("ends a run that never recorded its end (a killed engine's) as failed when the next one starts", () => {
    const runs = failoverHistory([at(1, "Failover from a started: one"), at(2, "Failover 1/6 quiesce: x (1 ms)"), at(3, "Failover from a started: two")]);
    expect(runs.map((r) => [r.reason, r.state, r.error])).toEqual([
      ["one", "failed", NO_END],
      ["two", "running", null],
    ]);
  });
});
