/**
 * Templates and checks shared by the take-over tests: a stack with a network, a server on it with a
 * volume attached, a ResourceGroup of volumes and an OS::Heat::Stack with a server (on the same
 * subnet: every server's port is one the stack records) and a volume; and
 * one crash-and-take-over run of an operation at a given crash point.
 */
import { expect } from "vitest";
import type { StackRecord } from "../ports";
import { cloudInventory, recordedInventory } from "../testing/inventory";
import { type CrashPoint, type TakeoverRig, takeoverRig, type TakeoverRigOptions } from "../testing/takeover";
import type { OperationHandle } from "./api";

/** The project the tests' stacks belong to. */
export const P = { projectId: "p1" };

/** What the version of the template changes. */
export interface Shape {
  flavor?: string;
  size?: number;
  count?: number;
  /** A resource that exists only in some versions. */
  spare?: boolean;
  extra?: boolean;
  /** A Test::Failing resource created last (after the server, the group and the inner stack). */
  failing?: boolean;
  innerVolumes?: number;
}

/** The template of a shape. */
export function template(shape: Shape = {}): string {
  const inner = {
    heat_template_version: "2021-04-16",
    parameters: { subnet: { type: "string" } },
    resources: Object.fromEntries([
      ["s", { type: "OS::Nova::Server", properties: { image: "cirros", flavor: "m1.tiny", networks: [{ subnet: { get_param: "subnet" } }] } }],
      ...Array.from({ length: shape.innerVolumes ?? 1 }, (_, i) => [`v${i}`, { type: "OS::Cinder::Volume", properties: { size: 1 } }]),
    ]),
  };
  const resources: Record<string, unknown> = {
    net: { type: "OS::Neutron::Net" },
    subnet: { type: "OS::Neutron::Subnet", properties: { network: { get_resource: "net" }, cidr: "10.8.0.0/24" } },
    server: { type: "OS::Nova::Server", properties: { image: "cirros", flavor: shape.flavor ?? "m1.tiny", networks: [{ subnet: { get_resource: "subnet" } }] } },
    volume: { type: "OS::Cinder::Volume", properties: { size: shape.size ?? 1 } },
    attach: { type: "OS::Cinder::VolumeAttachment", properties: { instance_uuid: { get_resource: "server" }, volume_id: { get_resource: "volume" } } },
    group: { type: "OS::Heat::ResourceGroup", properties: { count: shape.count ?? 2, resource_def: { type: "OS::Cinder::Volume", properties: { size: 1 } } } },
    inner: { type: "OS::Heat::Stack", properties: { template: JSON.stringify(inner), parameters: { subnet: { get_resource: "subnet" } } } },
  };
  if (shape.spare) resources.spare = { type: "OS::Cinder::Volume", properties: { size: 1 } };
  if (shape.extra) resources.extra = { type: "OS::Cinder::Volume", properties: { size: 1 } };
  if (shape.failing) resources.failing = { type: "Test::Failing", depends_on: ["attach", "group", "inner"] };
  return JSON.stringify({ heat_template_version: "2021-04-16", resources });
}

/** Starts the operation under test on engine A (`stackId`: what `prepare` made, if anything). */
export type Operate = (rig: TakeoverRig, stackId: string | undefined) => Promise<OperationHandle>;
/** Makes, uncrashed, the stack the operation works on; its id. */
export type Prepare = (rig: TakeoverRig) => Promise<string>;

/** One run: `prepare` (uncrashed) then `operate`, during which engine A dies at `point`; B takes over. */
export interface Run {
  rig: TakeoverRig;
  /** The stack as it ended. */
  final: StackRecord;
  /** Whether B took the stack over (A died while it was IN_PROGRESS, or before the rollback of a failure began). */
  tookOver: boolean;
}

/** Runs the operation with A crashing at `point` and B taking over; checks what every run must satisfy. */
export async function crashAndTakeOver(
  point: CrashPoint,
  operate: Operate,
  prepare?: Prepare,
  options: TakeoverRigOptions = {},
): Promise<Run> {
  const rig = takeoverRig(options);
  const baseline = await cloudInventory(rig.cloud);
  const prepared = prepare && (await prepare(rig));
  rig.arm(point);
  const h = await operate(rig, prepared);
  await rig.clock.run(Promise.race([h.done.then(() => undefined), rig.died]));
  const before = (await rig.store.getStack(h.stackId))!;
  const taken = await rig.takeOver();
  const tookOver = taken.includes(h.stackId);
  expect(taken).toEqual(tookOver ? [h.stackId] : []);
  if (before.status === "IN_PROGRESS") expect(tookOver).toBe(true);
  const final = await rig.settle(h.stackId);
  // nothing left in the cloud that no stack records, nothing recorded missing, nothing twice
  expect(await cloudInventory(rig.cloud, baseline)).toEqual(await recordedInventory(rig.store, h.stackId));
  const stacks = await rig.store.listStacks({ includeNested: true, includeDeleted: true });
  expect(stacks.filter((s) => s.status === "IN_PROGRESS").map((s) => s.name)).toEqual([]);
  if (tookOver) {
    const reasons = (await rig.store.listEvents(h.stackId)).filter((e) => e.isStackEvent).map((e) => e.reason);
    const action = before.status === "FAILED" ? "ROLLBACK" : before.action;
    expect(reasons).toContain(`Engine engine-a went down; engine-b resumed stack ${action}`);
  }
  return { rig, final, tookOver };
}

/** Creates the stack of `shape` on engine A, uncrashed; its id. */
export async function created(rig: TakeoverRig, shape: Shape = {}, enableRollback = false): Promise<string> {
  const stack = await rig.a.finish(await rig.a.engine.create("web", { template: template(shape) }, { ...P, enableRollback }));
  expect(`${stack.action}_${stack.status}`).toBe("CREATE_COMPLETE");
  return stack.id;
}

/**
 * Crashes engine A at every point of the operation, one run each (after each of its events, and after
 * each of its state-changing cloud calls, as an uncrashed run counts them) and lets B take over; runs
 * `check` on each outcome. Returns how many runs B took over.
 */
export async function atEveryCrashPoint(
  operate: Operate,
  prepare: Prepare | undefined,
  check: (run: Run) => Promise<void> | void,
): Promise<number> {
  const m = await measure(operate, prepare);
  const points: CrashPoint[] = [
    ...Array.from({ length: m.events }, (_, i) => ({ afterEvents: i + 1 })),
    ...Array.from({ length: m.calls }, (_, i) => ({ afterCloudCalls: i + 1 })),
  ];
  let tookOver = 0;
  for (const point of points) {
    try {
      const run = await crashAndTakeOver(point, operate, prepare);
      await check(run);
      if (run.tookOver) tookOver++;
    } catch (error) {
      throw new Error(`crash ${JSON.stringify(point)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  // every crash point but the last event (the stack already ended) is a take-over
  expect(tookOver).toBe(points.length - 1);
  return tookOver;
}

/** How many events and state-changing cloud calls an uncrashed run of the operation makes (the crash points to try). */
async function measure(operate: Operate, prepare?: Prepare): Promise<{ events: number; calls: number }> {
  const rig = takeoverRig();
  const prepared = prepare && (await prepare(rig));
  rig.arm({});
  await rig.a.finish(await operate(rig, prepared));
  return rig.counts();
}
