/**
 * Issue 14's story through the CLI: a stack whose servers are in RegionTwo is created while RegionTwo is
 * offline and fails; `hearth cloud fault region-online` brings it back; `stack update --existing`
 * converges it; `stack output show --all` then gives the servers' addresses as `cloud server list` shows them.
 */
import { describe, expect, it } from "vitest";
import { useCliHearth } from "./testing";

const { cli } = useCliHearth("hearth-cli-recovery-", { simSeed: 7, owner: "engine-cli-recovery", haMonitor: false });

/** A command's JSON output (it must succeed). */
async function json<T>(...argv: string[]): Promise<T> {
  const run = await cli(...argv, "-f", "json");
  expect(run.code).toBe(0);
  return JSON.parse(run.out) as T;
}

describe("outputs after a region recovery, through the CLI", () => {
  it("a failed create converged by `stack update --existing` shows the addresses `cloud server list` shows", async () => {
    expect((await cli("cloud", "fault", "region-offline", "RegionTwo")).code).toBe(0);
    const created = await cli("stack", "create", "recovery", "-t", "test/fixtures/region-recovery/servers.yaml", "--wait");
    expect(created.code).toBe(1);
    expect(created.out).toMatch(/\[recovery\]: CREATE_FAILED .*Region RegionTwo is unavailable/);
    expect((await cli("cloud", "fault", "region-online", "RegionTwo")).code).toBe(0);
    const updated = await cli("stack", "update", "recovery", "--existing", "--wait");
    expect(updated.code).toBe(0);
    expect((await json<{ stack_status: string }>("stack", "show", "recovery")).stack_status).toBe("UPDATE_COMPLETE");

    const servers = await json<{ ID: string; Status: string; Networks: string }[]>("cloud", "server", "list");
    const addressOf = (id: unknown) => {
      const server = servers.find((s) => s.ID === id);
      expect(server?.Status).toBe("ACTIVE");
      return server!.Networks.split(", ")[0].split("=")[1];
    };
    const resources = await json<{ resource_name: string; physical_resource_id: string }[]>("stack", "resource", "list", "recovery");
    const idOf = (name: string) => resources.find((r) => r.resource_name === name)!.physical_resource_id;
    const shown = await json<Record<string, { output_value: unknown; output_error?: string }>>("stack", "output", "show", "recovery", "--all");
    const outputs = Object.fromEntries(Object.entries(shown).map(([key, o]) => [key, o.output_error ?? o.output_value]));
    const pair = outputs.pair_ids as string[];
    const many = outputs.many_ids as string[];
    expect([pair.length, many.length]).toEqual([2, 2]);
    const child = resources.find((r) => r.resource_name === "child")!.physical_resource_id;
    const childServer = (await json<{ resource_name: string; physical_resource_id: string }[]>("stack", "resource", "list", child)).find((r) => r.resource_name === "server")!.physical_resource_id;
    expect(outputs).toEqual({
      child_ip: addressOf(childServer),
      home_ip: addressOf(idOf("home")),
      away_ip: addressOf(idOf("away")),
      pair_ids: pair,
      pair_ips: pair.map(addressOf),
      many_ids: many,
      many_ips: many.map(addressOf),
    });
  });
});
