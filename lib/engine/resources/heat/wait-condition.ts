/**
 * OS::Heat::WaitCondition: completes when its handle has received `count` SUCCESS signals; fails on the
 * first FAILURE signal or when `timeout` seconds pass. The handle's signals are read through ctx.peer.
 */
import { pyJson } from "../../functions/python";
import { optNumber, reqString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource } from "../define";
import { type PeerResource, type ResourceContext } from "../types";
import { readSignals, waitConditionHandleResource } from "./wait-condition-handle";

interface WaitToken {
  handle: string;
  startedAt: number;
  timeoutSecs: number;
  count: number;
}

async function handleOf(ctx: ResourceContext, ref: string): Promise<PeerResource> {
  if (!ctx.peer) throw new Error("This engine cannot read wait condition handles (ResourceContext.peer missing)");
  const peer = await ctx.peer(ref);
  if (!peer || peer.type !== waitConditionHandleResource.type) {
    throw new Error(`${peer?.name ?? ref} is not a valid wait condition handle.`);
  }
  return peer;
}

function named(name: string, message: string): Error {
  const err = new Error(message);
  err.name = name;
  return err;
}

function start(ctx: ResourceContext, props: Record<string, unknown>): WaitToken {
  return {
    handle: reqString(props, "handle"),
    startedAt: ctx.now(),
    timeoutSecs: optNumber(props, "timeout") ?? 0,
    count: optNumber(props, "count") ?? 1,
  };
}

async function waitDone(ctx: ResourceContext, token: unknown): Promise<boolean> {
  const t = token as WaitToken;
  const signals = readSignals((await handleOf(ctx, t.handle)).data);
  const reasons = (status: string) => signals.filter((s) => s.status === status).map((s) => s.reason);
  if (ctx.now() - t.startedAt > t.timeoutSecs * 1000) {
    const ok = reasons("SUCCESS");
    const got = `${ok.length} of ${t.count} received`;
    throw named("WaitConditionTimeout", ok.length ? `${got} - ${ok.join(";")}` : got);
  }
  if (signals.some((s) => s.status !== "SUCCESS")) throw named("WaitConditionFailure", reasons("FAILURE").join(";"));
  return signals.length >= t.count;
}

/** The OS::Heat::WaitCondition plugin. */
export const waitConditionResource = defineResource({
  type: "OS::Heat::WaitCondition",
  expectedMs: 120_000,
  properties: {
    handle: { references: ["OS::Heat::WaitConditionHandle"] },
  },
  handlers: {
    async create(ctx) {
      const token = start(ctx, ctx.properties);
      await handleOf(ctx, token.handle);
      ctx.setPhysicalId(physicalName(ctx));
      return token;
    },
    checkCreateComplete: waitDone,
    update: async (ctx, change) => start(ctx, change.after),
    checkUpdateComplete: waitDone,
    async attribute(ctx, name) {
      if (name !== "data") return undefined;
      const ref = ctx.properties.handle;
      const peer = typeof ref === "string" && ctx.peer ? await ctx.peer(ref) : undefined;
      if (!peer) return "";
      // Heat serialises with Python's json.dumps: signal order kept, ", " and ": " separators.
      return pyJson(Object.fromEntries(readSignals(peer.data).map((s) => [s.id, s.data])), false);
    },
  },
});
