/**
 * Issue 14's story through the Heat API: a stack whose servers live in a region that is offline when
 * it is created fails; the region comes back; an update with the existing template converges it; then
 * every way of reading its outputs shows the servers' addresses as the cloud reports them.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Server } from "../../lib/engine/ports";
import { adminSession, settled } from "./harness";

const session = adminSession();
const base = "/heat-api/v1/admin";
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/region-recovery");
const read = (file: string) => fs.readFileSync(path.join(FIXTURES, file), "utf8");

/** The first fixed IPv4 address the cloud reports for a server (what first_address gives). */
function addressOf(servers: Server[], id: unknown): string {
  const server = servers.find((s) => s.id === id);
  if (!server) throw new Error(`The cloud has no server ${String(id)}`);
  expect(server.status).toBe("ACTIVE");
  return server.addresses.find((a) => a.type === "fixed" && !a.address.includes(":"))!.address;
}

describe("outputs after a region recovery, through the Heat API", () => {
  it("a create that failed while RegionTwo was offline, converged by PATCH once it is back, shows the servers' real addresses", async () => {
    const { api, token } = session;
    await api.hearth.fault({ kind: "region-offline", region: "RegionTwo" });
    const created = await api.call("POST", `${base}/stacks`, { token, body: { stack_name: "recovery", template: read("servers.yaml"), files: { "member.yaml": read("member.yaml") } } });
    expect(created.status).toBe(201);
    expect(await settled(api, "admin", token, "recovery")).toBe("CREATE_FAILED");
    const stack = `${base}/stacks/recovery/${created.body.stack.id}`;

    await api.hearth.fault({ kind: "region-online", region: "RegionTwo" });
    expect((await api.call("PATCH", stack, { token, body: {} })).status).toBe(202);
    expect(await settled(api, "admin", token, "recovery")).toBe("UPDATE_COMPLETE");

    const { servers } = await api.hearth.cloudInventory();
    const resources = (await api.call("GET", `${stack}/resources`, { token })).body.resources as { resource_name: string; physical_resource_id: string }[];
    const idOf = (name: string) => resources.find((r) => r.resource_name === name)!.physical_resource_id;
    const shown = (await api.call("GET", stack, { token })).body.stack.outputs as { output_key: string; output_value: unknown; output_error?: string }[];
    const outputs = Object.fromEntries(shown.map((o) => [o.output_key, o.output_error ?? o.output_value]));
    const pair = outputs.pair_ids as string[];
    const many = outputs.many_ids as string[];
    expect([pair.length, many.length]).toEqual([2, 2]);
    const child = (await api.call("GET", `${stack}/resources/child`, { token })).body.resource.physical_resource_id as string;
    const childServer = (await api.hearth.getStack(child)).resources.find((r) => r.name === "server")!.physicalId;
    expect(outputs).toEqual({
      child_ip: addressOf(servers, childServer),
      home_ip: addressOf(servers, idOf("home")),
      away_ip: addressOf(servers, idOf("away")),
      pair_ids: pair,
      pair_ips: pair.map((id) => addressOf(servers, id)),
      many_ids: many,
      many_ips: many.map((id) => addressOf(servers, id)),
    });
    // output show reads the same, one key at a time
    for (const key of ["away_ip", "pair_ips", "many_ips"]) {
      expect((await api.call("GET", `${stack}/outputs/${key}`, { token })).body.output.output_value).toEqual(outputs[key]);
    }

    // RegionTwo away again: what reads its servers says why instead of showing null; RegionOne's still shows
    await api.hearth.fault({ kind: "region-offline", region: "RegionTwo" });
    const away = (await api.call("GET", stack, { token })).body.stack.outputs as { output_key: string; output_value: unknown; output_error?: string }[];
    const unreachable = /^Region RegionTwo is unavailable: /;
    expect(Object.fromEntries(away.map((o) => [o.output_key, o.output_error ?? o.output_value]))).toEqual({
      child_ip: expect.stringMatching(/^Output address of the nested stack: Region RegionTwo is unavailable: /),
      home_ip: outputs.home_ip,
      away_ip: expect.stringMatching(unreachable),
      pair_ids: pair,
      pair_ips: expect.stringMatching(unreachable),
      many_ids: many,
      many_ips: expect.stringMatching(unreachable),
    });
    await api.hearth.fault({ kind: "region-online", region: "RegionTwo" });
    expect((await api.call("GET", `${stack}/outputs/pair_ips`, { token })).body.output.output_value).toEqual(outputs.pair_ips);
  });
});
