/** Hooks shared by the Neutron plugins: delete-then-wait-until-gone, and attribute lookup with `show`. */
import type { RegionClient } from "../../ports";
import { cloudCall, ignoreNotFound, isNotFound } from "../support/cloud-errors";
import type { ResourceHandlers } from "../types";

/** delete + checkDeleteComplete for an object that is gone once `get` says NotFound. */
export function deleteAndWait(
  remove: (cloud: RegionClient, id: string) => Promise<unknown>,
  get: (cloud: RegionClient, id: string) => Promise<unknown>,
  kind: string,
): Pick<ResourceHandlers, "delete" | "checkDeleteComplete"> {
  return {
    async delete(ctx) {
      const id = ctx.physicalId;
      if (id) await cloudCall(`deleting ${kind} ${id}`, ctx.region, () => ignoreNotFound(() => remove(ctx.cloud, id)));
    },
    async checkDeleteComplete(ctx) {
      const id = ctx.physicalId;
      if (!id) return true;
      try {
        await get(ctx.cloud, id);
        return false;
      } catch (err) {
        if (isNotFound(err)) return true;
        throw err;
      }
    },
  };
}

/** The attribute `name` from `values`, with `show` as the whole object. */
export function showAttribute(name: string, object: unknown, values: Record<string, unknown>): unknown {
  return name === "show" ? object : values[name];
}
