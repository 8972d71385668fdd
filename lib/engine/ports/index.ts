/**
 * The ports of the engine: the interfaces it reaches the world through, which other layers implement
 * (lib/store the store, lib/cloud the cloud) and lib/engine/testing fakes.
 */
export * from "./cloud";
export * from "./client-token";
export type * from "./clock";
export type * from "./nested";
export type * from "./objects";
export type * from "./store";
export * from "./identity";
