import { describe, expect, it } from "vitest";
import { useCliHearth } from "./testing";

const { cli } = useCliHearth("hearth-cli-outputs-", { simSeed: 7, owner: "engine-cli-outputs", haMonitor: false });

/** `stack output show <stack> <key> -f json`'s value. */
async function output(stack: string, key: string): Promise<unknown> {
  const shown = await cli("stack", "output", "show", stack, key, "-f", "json");
  expect(shown.code).toBe(0);
  return JSON.parse(shown.out).output_value;
}

describe("outputs through the CLI are computed when shown", () => {
  it("the seed's failover template: active follows each failover in output show and stack show", async () => {
    const created = await cli("stack", "create", "pair", "-t", "examples/seed/failover.yaml", "--wait");
    expect(created.code).toBe(0);
    const seen = [await output("pair", "active")];
    for (const reason of ["first", "second"]) {
      expect((await cli("stack", "failover", "pair", "server_failover_policy", "--reason", reason)).code).toBe(0);
      const active = await output("pair", "active");
      expect(seen).not.toContain(active);
      seen.push(active);
      expect(await output("pair", "refs")).toContain(active);
    }
    const shown = JSON.parse((await cli("stack", "show", "pair", "-f", "json")).out) as { outputs: { output_key: string; output_value: unknown }[] };
    expect(shown.outputs.find((o) => o.output_key === "active")?.output_value).toBe(seen[2]);
  });

  it("the seed's HARestarter: refs shows the replacement after a signal", async () => {
    expect((await cli("stack", "create", "restarter", "-t", "examples/seed/ha-restarter.yaml", "--wait")).code).toBe(0);
    const [before] = (await output("restarter", "refs")) as string[];
    expect((await cli("stack", "resource", "signal", "restarter", "server_restart_policy")).code).toBe(0);
    const after = (await output("restarter", "refs")) as string[];
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
  });
});
