import { describe, expect, it } from "vitest";
import { createSimCloud, type SimCloud } from "../../lib/cloud/sim";
import type { CloudProvider, RegionClient } from "../../lib/engine/ports";
import { eventOrder, PORT_ON_SUBNET } from "../../lib/engine/stack/implicit-order.fixture";
import { createTestEngine, FakeClock } from "../../lib/engine/testing";
import { eventLines, PROJECT } from "./helpers";

/**
 * `sim` with every port create and delete held `ms` on the clock first (as a slow database makes them):
 * unordered, the port takes its address from the subnet created alongside, and the subnet's delete
 * runs while the port's is held.
 */
function slowPorts(sim: SimCloud, clock: FakeClock, ms: number): CloudProvider {
  const bound = <T extends object>(o: T, k: string | symbol) => {
    const v = Reflect.get(o, k);
    return typeof v === "function" ? v.bind(o) : v;
  };
  const network = (n: RegionClient["network"]) =>
    new Proxy(n, {
      get: (o, k) => (k === "createPort" || k === "deletePort" ? async (...a: unknown[]) => (await clock.sleep(ms), bound(o, k)(...a)) : bound(o, k)),
    });
  const region = (c: RegionClient) => new Proxy(c, { get: (o, k) => (k === "network" ? network(o.network) : bound(o, k)) });
  return new Proxy(sim, { get: (o, k) => (k === "region" ? (...a: Parameters<SimCloud["region"]>) => region(o.region(...a)) : bound(o, k)) });
}

describe("implicit dependencies on the simulated cloud", () => {
  it("with slow port creates and deletes, the subnet's delete no longer fails on Neutron's 'One or more ports have an IP allocation'", async () => {
    const clock = new FakeClock();
    const sim = createSimCloud({ seed: 3, speed: 0, apiSpeed: 0, clock });
    const t = createTestEngine({ clock, cloud: slowPorts(sim, clock, 5_000) });
    const created = await t.finish(await t.engine.create("race", { template: PORT_ON_SUBNET }, PROJECT));
    expect(`${created.action}_${created.status}`).toBe("CREATE_COMPLETE");
    const deleted = await t.finish(await t.engine.delete(created.id));
    expect(deleted.statusReason).not.toMatch(/IP allocation/);
    expect(`${deleted.action}_${deleted.status}`).toBe("DELETE_COMPLETE");
    const at = eventOrder(await eventLines(t.store, created.id));
    expect(at("subnet CREATE_COMPLETE")).toBeLessThan(at("port CREATE_IN_PROGRESS"));
    expect(at("port DELETE_COMPLETE")).toBeLessThan(at("subnet DELETE_IN_PROGRESS"));
    expect(sim.inventory().subnets.filter((s) => s.name.includes("race"))).toEqual([]);
  });
});
