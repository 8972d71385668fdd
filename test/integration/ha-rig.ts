/**
 * Rig of the HA integration tests: the integration rig with a presigner (signal URLs), the dispatcher
 * that verifies them, an HA monitor on the rig's fake clock, and the examples/ha templates.
 */
import fs from "node:fs";
import path from "node:path";
import type { StackRecord } from "../../lib/engine/ports";
import { HaMonitor } from "../../lib/services/ha/monitor";
import { createPresigner } from "../../lib/services/ha/presign";
import { createSignalDispatcher, type SignalDispatcher } from "../../lib/services/ha/signal-urls";
import { PROJECT, rig, type Rig } from "./helpers";

const EXAMPLES = path.resolve(__dirname, "../../examples");

/** An example of examples/ha (or another folder of examples/, e.g. seed) as a stack input (the templates it uses as files). */
export function haExample(name: string, folder = "ha"): { template: string; files: Record<string, string> } {
  const read = (file: string) => fs.readFileSync(path.join(EXAMPLES, folder, file), "utf8");
  return { template: read(name), files: { "ha_server.yaml": read("ha_server.yaml") } };
}

/** The rig plus signal URLs and the monitor. */
export interface HaRig extends Rig {
  dispatch: SignalDispatcher;
  monitor: HaMonitor;
  errors: unknown[];
  /** Creates a stack from an example (of examples/ha unless another folder is named) and waits for it. */
  launch(name: string, example: string, folder?: string): Promise<StackRecord>;
  /** Live outputs and attributes of a resource. */
  attributes(stackId: string, resource: string): Promise<Record<string, unknown>>;
}

/** Builds an HA rig; `slow` gives the cloud its default latency model on the fake clock. */
export function haRig(options: { slow?: boolean } = {}): HaRig {
  const secret = "integration-secret";
  const r = rig({ slow: options.slow, presigner: createPresigner(secret, "http://127.0.0.1:3000") });
  const signal = (stackId: string, resource: string, details: unknown) => r.engine.signal(stackId, resource, details);
  const dispatch = createSignalDispatcher(secret, signal);
  const errors: unknown[] = [];
  const monitor = new HaMonitor({ store: r.store, cloud: r.sim, clock: r.clock, signal, owner: "rig", leaseMs: 30_000, post: dispatch.byUrl }, { onError: (e) => errors.push(e) });
  return {
    ...r,
    dispatch,
    monitor,
    errors,
    launch: async (name, example, folder) => r.finish(await r.engine.create(name, haExample(example, folder), PROJECT)),
    attributes: (stackId, resource) => r.engine.resourceAttributes(stackId, resource),
  };
}
