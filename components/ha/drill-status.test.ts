import { describe, expect, it } from "vitest";
import type { FailoverRun } from "@/lib/engine/resources/heat/failover-history";
import { answerOf } from "./drill-status";

const run = (seq: number, startedAt: string): FailoverRun => ({ seq, startedAt, reason: "r", from: "a", to: null, state: "running", steps: [], durationMs: null, error: null });

describe("answerOf", () => {
  it("is the first failover started at or after the crash; earlier ones do not count", () => {
    const runs = [run(1, "2026-01-01T00:00:00.000Z"), run(5, "2026-01-01T00:00:12.000Z"), run(9, "2026-01-01T00:01:00.000Z")];
    expect(answerOf({ member: "a", crashedAt: "2026-01-01T00:00:01.000Z" }, runs)?.seq).toBe(5);
    expect(answerOf({ member: "a", crashedAt: "2026-01-01T00:02:00.000Z" }, runs)).toBeUndefined();
  });
});
