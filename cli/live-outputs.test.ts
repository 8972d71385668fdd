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

describe("attributes through the CLI are read when shown", () => {
  it("resource show reads attributes from the cloud now: a crash behind the stack's back shows, an offline region names each attribute it cannot give", async () => {
    expect((await cli("stack", "create", "behind", "-t", "test/fixtures/region-recovery/servers.yaml", "--wait")).code).toBe(0);
    const show = async (resource: string) => {
      const run = await cli("stack", "resource", "show", "behind", resource, "-f", "json");
      expect(run.code).toBe(0);
      return JSON.parse(run.out) as { physical_resource_id: string; attributes: Record<string, any>; attribute_errors?: Record<string, string> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- attribute values of any shape
    };
    const before = await show("away");
    expect([before.attributes.show.status, before.attribute_errors]).toEqual(["ACTIVE", undefined]);
    expect((await cli("cloud", "fault", "crash-server", before.physical_resource_id)).code).toBe(0);
    expect((await show("away")).attributes.show.status).toBe("ERROR");
    expect((await cli("cloud", "fault", "region-offline", "RegionTwo")).code).toBe(0);
    const offline = await show("away");
    expect([offline.attributes.first_address, offline.attribute_errors?.first_address]).toEqual([null, "Region RegionTwo is unavailable: compute.getServer got no answer from its endpoint."]);
    expect((await show("home")).attribute_errors).toBeUndefined();
    const table = await cli("stack", "resource", "show", "behind", "away");
    expect(table.out).toMatch(/\| attribute_errors +\| accessIPv4: "Region RegionTwo is unavailable: /);
    expect(table.out).toContain('first_address: "Region RegionTwo is unavailable: ');
    expect((await cli("cloud", "fault", "clear")).code).toBe(0);
    const back = await show("away");
    expect([back.attributes.show.status, back.attributes.first_address, back.attribute_errors]).toEqual(["ACTIVE", before.attributes.first_address, undefined]);
  });
});
