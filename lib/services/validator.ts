/**
 * Template validation for one-shot callers (`hearth validate`): the engine's validate exactly as
 * Hearth.validate runs it (the same registry, regions and limits from the environment), without
 * opening the database, migrating it, restoring the cloud or bootstrapping identity, since
 * validation reads no stored stack and no cloud state. Measured: that start-up was about two
 * thirds of a `hearth validate` of a small template (docs/speed.md).
 */
import { createSimCloud } from "../cloud/sim";
import { defaultRegistry } from "../engine/resources";
import { createEngine } from "../engine/stack";
import { MemoryStackStore } from "../engine/testing";
import { configFromEnv } from "./config";
import { DEFAULT_REGION } from "./default-region";
import type { Hearth } from "./types";

/** A validator with the settings Hearth takes from the environment. */
export function createValidator(): Pick<Hearth, "validate"> {
  const config = configFromEnv();
  const engine = createEngine({
    // never read: validation compiles the input and stores nothing, and asks the cloud only its region names
    store: new MemoryStackStore(),
    cloud: createSimCloud({ speed: 0 }),
    registry: defaultRegistry,
    owner: config.owner,
    defaultRegion: DEFAULT_REGION,
    limits: config.limits,
  });
  return { validate: (input, validateOptions) => engine.validate(input, validateOptions) };
}
