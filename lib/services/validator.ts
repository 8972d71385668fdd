/**
 * Template validation for one-shot callers (`hearth validate`): the engine's validate exactly as
 * Hearth.validate runs it, from the same composition (engine-options.ts: registry, limits, the
 * federation's region layout, a cloud of the same region names), without opening the database,
 * migrating it, restoring the cloud or bootstrapping identity, since validation reads no stored stack
 * and no cloud state. Measured: that start-up was about two thirds of a `hearth validate` of a small
 * template (docs/speed.md).
 */
import { createSimCloud } from "../cloud/sim";
import type { StackStore } from "../engine/ports";
import { createEngine } from "../engine/stack";
import { configFromEnv } from "./config";
import { engineOptions } from "./engine-options";
import { configuredFederation, regionLayout } from "./federation";
import type { Hearth } from "./types";

/**
 * The validator's stack store: there is none. Validation compiles its input and stores nothing, so any
 * call is a bug, answered by an error naming the method instead of a read of some fake's empty state.
 */
function noStackStore(): StackStore {
  return new Proxy({} as StackStore, {
    get: (_target, method) =>
      method === "then" ? undefined : () => Promise.reject(new Error(`The validator has no stack store: StackStore.${String(method)} was called`)),
  });
}

/** A validator with the settings, and the federation's region layout, Hearth takes from the environment. */
export function createValidator(): Pick<Hearth, "validate"> {
  const config = configFromEnv();
  const region = regionLayout(configuredFederation());
  // the cloud is asked its region names only: the same names createHearth's cloud is opened with
  const cloud = createSimCloud({ speed: 0, regions: region.simRegions });
  const engine = createEngine(engineOptions(config, region, { store: noStackStore(), cloud }));
  return { validate: (input, validateOptions) => engine.validate(input, validateOptions) };
}
