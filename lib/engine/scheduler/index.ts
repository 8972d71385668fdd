/** The DAG walker: bounded concurrency, cancellation, upstream-failure skip, timeouts, reverse walks. */
export { walkGraph, WalkTimeoutError } from "./walk";
export type { NodeOutcome, NodeTask, WalkOptions, WalkResult } from "./walk";
