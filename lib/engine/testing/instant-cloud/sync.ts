/** The shape the instant cloud's operations are written in. */

/**
 * A client interface of the cloud port with plain results: each operation of the instant cloud runs
 * to completion when called, and InstantCloud makes it async (and checks the region) for the port.
 */
export type Sync<T> = { [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never };
