import { describe, expect, it } from "vitest";
import { alarmRule, compare, evaluate, matchesMetadata, statistic } from "./alarm-rules";

const samples = [
  { serverId: "a", value: 10 },
  { serverId: "b", value: 30 },
];

describe("threshold alarm rules", () => {
  it("computes Aodh's statistics, with no value for no samples except count", () => {
    expect(["avg", "sum", "min", "max", "count"].map((k) => statistic(k, samples))).toEqual([20, 40, 10, 30, 2]);
    expect(statistic("avg", [])).toBeUndefined();
    expect(statistic("count", [])).toBe(0);
  });

  it("compares with every operator and names an unknown one", () => {
    expect(["ge", "gt", "eq", "ne", "lt", "le"].map((op) => compare(op, 5, 5))).toEqual([true, false, true, false, false, true]);
    expect(() => compare("approx", 1, 1)).toThrow(/Unknown comparison_operator approx/);
  });

  it("matches Heat's metering metadata idiom", () => {
    const meta = { "metering.server_group": "stack-1", role: "db" };
    expect(matchesMetadata({ "metadata.user_metadata.server_group": "stack-1" }, meta)).toBe(true);
    expect(matchesMetadata({ role: "db" }, meta)).toBe(true);
    expect(matchesMetadata({ "metadata.user_metadata.server_group": "stack-2" }, meta)).toBe(false);
    expect(matchesMetadata({}, meta)).toBe(true);
  });

  it("reads a rule with Heat's defaults and evaluates it", () => {
    const rule = alarmRule({ meter_name: "server_health", statistic: "min", comparison_operator: "lt", threshold: 1, period: 10 });
    expect(rule).toMatchObject({ periodMs: 10_000, evaluationPeriods: 1, matching: {} });
    expect(evaluate(rule, [{ serverId: "a", value: 1 }, { serverId: "b", value: 0 }])).toBe("alarm");
    expect(evaluate(rule, [{ serverId: "a", value: 1 }])).toBe("ok");
    expect(evaluate(rule, [])).toBe("insufficient data");
    expect(alarmRule({ meter_name: "cpu_util", threshold: 80 })).toMatchObject({ statistic: "avg", comparison: "gt", periodMs: 60_000 });
  });
});
