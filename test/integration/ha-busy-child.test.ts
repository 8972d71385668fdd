/**
 * A failover whose followers' stack another engine is carrying on (its lease held and renewed, the
 * stack UPDATE IN_PROGRESS): the detach step waits for that lease and goes on as soon as it is released,
 * instead of trying its update again every 500 ms or sleeping until the lease would have expired.
 */
import { describe, expect, it } from "vitest";
import { failoverHistory } from "../../lib/engine/resources/heat/failover-history";
import { haRig } from "./ha-rig";

const POLICY = "server_failover_policy";
const LEASE_MS = 6_000;

describe("a failover step and a busy nested stack", () => {
  for (const holdMs of [4_000, 20_000]) {
    it(`waits while a peer holds the followers' stack (${holdMs / 1000} s, lease ${LEASE_MS / 1000} s) and goes on within a second of its release`, async () => {
      const r = haRig();
      const stack = await r.launch("pair", "active-passive.yaml");
      const followers = (await r.store.listResources(stack.id)).find((x) => x.name === POLICY)!.physicalId!;
      // engine-b carries an update of the followers' stack on, renewing its lease every third, then completes it
      await r.store.updateStack(followers, { action: "UPDATE", status: "IN_PROGRESS" });
      expect(await r.store.acquireLock(followers, "engine-b", LEASE_MS)).toBe(true);
      const releasedAt = r.clock.now() + holdMs;
      const peer = (async () => {
        while (r.clock.now() + LEASE_MS / 3 < releasedAt) {
          await r.clock.sleep(LEASE_MS / 3);
          await r.store.renewLock(followers, "engine-b", LEASE_MS);
        }
        await r.clock.sleep(releasedAt - r.clock.now());
        await r.store.updateStack(followers, { status: "COMPLETE" });
        await r.store.releaseLock(followers, "engine-b");
      })();

      await r.clock.run(r.engine.signal(stack.id, POLICY, { reason: "drill" }));
      await peer;
      const events = (await r.store.listEvents(stack.id)).filter((e) => e.resourceName === POLICY);
      expect(failoverHistory(events).map((f) => f.state)).toEqual(["completed"]);
      // the detach step is the first to change the followers' stack: it ended within a second of the release
      const detach = events.find((e) => e.reason.startsWith("Failover 2/6 detach"))!;
      const endedAt = Date.parse(detach.time);
      expect(endedAt).toBeGreaterThanOrEqual(releasedAt);
      expect(endedAt - releasedAt).toBeLessThanOrEqual(1_000);
      // the followers' stack was updated by this engine once the peer let go, and is free again
      expect(await r.store.getStack(followers)).toMatchObject({ action: "UPDATE", status: "COMPLETE" });
      expect(await r.store.getLock(followers)).toBeUndefined();
    });
  }
});
