import { describe, expect, it } from "vitest";
import { useCliHearth } from "./testing";

const { cli, hearth: opened } = useCliHearth("hearth-cli-ha-", { simSeed: 5, owner: "engine-cli-ha", haMonitor: false });

describe("hearth stack failover / signal-url", () => {
  it("fails the active/passive example over from the CLI, by policy or by group, and prints the steps", async () => {
    const created = await cli("stack", "create", "pair", "-t", "examples/ha/active-passive.yaml", "--wait");
    expect(created.err).toBe("");
    expect(created.code).toBe(0);
    const before = (await opened().getResource("pair", "server_failover_policy")).attributes.active_member;

    const byPolicy = await cli("stack", "failover", "pair", "server_failover_policy", "--reason", "drill", "-f", "json");
    expect(byPolicy.code).toBe(0);
    const shown = JSON.parse(byPolicy.out);
    expect(shown.active_member).not.toBe(before);
    expect(Object.keys(shown).filter((k) => k.startsWith("step "))).toEqual(["step quiesce", "step detach", "step promote", "step attach", "step activate", "step replace"]);

    const byGroup = await cli("stack", "failover", "pair", "server_group", "-f", "json");
    expect(byGroup.code).toBe(0);
    expect(JSON.parse(byGroup.out).active_member).not.toBe(shown.active_member);

    const wrong = await cli("stack", "failover", "pair", "volume");
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/volume is a OS::Cinder::Volume: name an OS::Heat::FailoverPolicy or OS::Heat::AutoScalingGroup/);
  });

  it("prints a policy's signal and alarm URLs, and refuses a resource without one", async () => {
    const signal = await cli("stack", "signal-url", "pair", "server_scaling_policy");
    const alarm = await cli("stack", "signal-url", "pair", "server_scaling_policy", "--alarm");
    expect(signal.out).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/signals\/\S+\n$/);
    expect(alarm.out).not.toBe(signal.out);
    const none = await cli("stack", "signal-url", "pair", "volume");
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/has no signal_url/);
  });
});
