/**
 * The latency model: each kind of work has a base duration, scaled by the cloud's speed factor and the
 * region's factor, with ±20% jitter derived from the seed and a key, so a seed always gives the same
 * timings. Speed 0 makes everything instant (no timers at all).
 */
import { unitHash } from "./hash";

/** Kinds of work that take time. */
export type LatencyKind =
  | "api"
  | "serverBuild"
  | "serverDelete"
  | "serverPower"
  | "volumeCreate"
  | "volumeDelete"
  | "volumeAttach"
  | "volumeDetach";

/** Base durations in ms at speed 1 (roughly what a small DevStack shows). */
export const BASE_LATENCY_MS: Readonly<Record<LatencyKind, number>> = {
  api: 20,
  serverBuild: 3000,
  serverDelete: 1000,
  serverPower: 1500,
  volumeCreate: 1000,
  volumeDelete: 500,
  volumeAttach: 500,
  volumeDetach: 500,
};

/** Computes durations for one region. */
export class LatencyModel {
  private calls = 0;

  /**
   * `speed` multiplies transition durations, `apiSpeed` the API round trips (real waits);
   * `factor` is the region's own multiplier.
   */
  constructor(
    private readonly seed: number,
    private readonly speed: number,
    private readonly apiSpeed = speed,
    private readonly factor = 1,
  ) {}

  /** How long the work of this kind on this key takes, in ms (0 at speed 0). */
  duration(kind: LatencyKind, key: string): number {
    return this.scaled(kind, key, kind === "api" ? this.apiSpeed : this.speed);
  }

  /** Waits for one API round trip; resolves without a timer when the API speed is 0. */
  async apiCall(operation: string): Promise<void> {
    const ms = this.duration("api", `${operation}#${this.calls++}`);
    if (ms > 0) await new Promise<void>((resolve) => setTimeout(resolve, ms));
  }

  private scaled(kind: LatencyKind, key: string, speed: number): number {
    if (speed === 0) return 0;
    const jitter = 0.8 + 0.4 * unitHash(this.seed, kind, key);
    return Math.round(BASE_LATENCY_MS[kind] * speed * this.factor * jitter);
  }
}
