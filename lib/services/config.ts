/**
 * Hearth's settings from the environment, checked once with clear messages:
 * DATABASE_URL (default file:./data/hearth.db, relative to the project root), HEARTH_ROOT (the
 * project root; default the working folder), HEARTH_SIM_SPEED (latency multiplier, default 1),
 * HEARTH_SIM_SEED (integer seed of a fresh simulated cloud), HEARTH_PROJECT (default "admin"; the id of
 * the bootstrap admin project), HEARTH_BOOTSTRAP_PASSWORD (the identity admin's first password),
 * HEARTH_PUBLIC_URL (the base URL of pre-signed signal URLs, e.g. https://hearth.example; default the
 * console's own address, see ha/public-url.ts), PORT (the console's port, default 3000),
 * HEARTH_LEASE_MS (how long an engine's claim on a stack lasts unrenewed, default 6000; renewed every
 * third of it), HEARTH_SWEEP_MS (how often an engine looks for work whose lease expired, default 1500;
 * 0 turns the sweep off), and
 * the engine's limits: HEARTH_MAX_TEMPLATE_SIZE, HEARTH_MAX_RESOURCES_PER_STACK, ... (one per
 * EngineLimits key, named as heat.conf names it; integers, -1 = unlimited for Heat's count limits).
 */
import os from "node:os";
import path from "node:path";
import { LIMIT_NAMES, limitVariable, type EngineLimits } from "../engine/limits";
import { DEFAULT_DATABASE_URL } from "../store/client";
import { ServiceError } from "./errors";

/** Resolved settings of one Hearth instance. */
export interface HearthConfig {
  /** Project root: prisma/migrations is read from it and relative file: URLs resolve against it. */
  root: string;
  databaseUrl: string;
  simSpeed: number;
  simSeed?: number;
  projectId: string;
  /** Password of the identity's admin user on first start; generated and printed once when unset. */
  bootstrapPassword?: string;
  /** This process's identity in stack locks. */
  owner: string;
  /**
   * Lease of an engine's claim on a stack (the lock's TTL, renewed every third of it): a killed
   * engine's work is taken over by a peer once its lease expired, at the next sweep.
   */
  leaseMs: number;
  /** How often to look for operations whose engine's lease expired, and take them over; 0 = never. */
  sweepMs: number;
  /** Base URL of pre-signed signal URLs when configured (HEARTH_PUBLIC_URL), without a trailing slash. */
  publicUrl?: string;
  /** The console's address as this process sees it: http://127.0.0.1:${PORT:-3000}. */
  consoleUrl: string;
  /** True inside the console server (Next's Node.js runtime, which sets PORT to the port it listens on). */
  servesConsole: boolean;
  /** The engine's limits set in the environment (the rest keep Heat's defaults), for the API and the CLI alike. */
  limits: Partial<EngineLimits>;
}

/** Default lease: a peer takes a killed engine's work over within lease + sweep, under 10 s. */
export const DEFAULT_LEASE_MS = 6000;

/** Default interval of the recovery sweep. */
export const DEFAULT_SWEEP_MS = 1500;

/** Makes a relative `file:` URL absolute against `root` (so the console and the CLI share one file). */
export function absoluteDatabaseUrl(url: string, root: string): string {
  if (!url.startsWith("file:")) return url;
  const file = url.slice("file:".length);
  return file === ":memory:" || path.isAbsolute(file) ? url : `file:${path.resolve(root, file)}`;
}

/** Reads a number variable, or the fallback when unset; anything else is an InvalidConfig error naming it. */
function numberVar(env: Record<string, string | undefined>, name: string, check: (n: number) => boolean, rule: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === "") return undefined;
  const n = Number(text);
  if (!check(n)) throw new ServiceError("InvalidConfig", `${name} must be ${rule}, not "${text}"`);
  return n;
}

/** Reads an http(s) URL variable without its trailing slashes; anything else is an InvalidConfig error naming it. */
function urlVar(env: Record<string, string | undefined>, name: string): string | undefined {
  const text = env[name];
  if (text === undefined || text === "") return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !["http:", "https:"].includes(url.protocol)) throw new ServiceError("InvalidConfig", `${name} must be an http or https URL, not "${text}"`);
  return text.replace(/\/+$/, "");
}

/** Settings from environment variables. */
export function configFromEnv(env: Record<string, string | undefined> = process.env): HearthConfig {
  const root = path.resolve(env.HEARTH_ROOT || process.cwd());
  return {
    root,
    databaseUrl: absoluteDatabaseUrl(env.DATABASE_URL || DEFAULT_DATABASE_URL, root),
    simSpeed: numberVar(env, "HEARTH_SIM_SPEED", (n) => Number.isFinite(n) && n >= 0, "a number >= 0") ?? 1,
    simSeed: numberVar(env, "HEARTH_SIM_SEED", Number.isInteger, "an integer"),
    projectId: env.HEARTH_PROJECT || "admin",
    bootstrapPassword: env.HEARTH_BOOTSTRAP_PASSWORD || undefined,
    owner: `engine-${os.hostname()}-${process.pid}`,
    leaseMs: numberVar(env, "HEARTH_LEASE_MS", (n) => Number.isInteger(n) && n >= 100, "a whole number of milliseconds >= 100") ?? DEFAULT_LEASE_MS,
    sweepMs: numberVar(env, "HEARTH_SWEEP_MS", (n) => Number.isInteger(n) && n >= 0, "a whole number of milliseconds >= 0") ?? DEFAULT_SWEEP_MS,
    publicUrl: urlVar(env, "HEARTH_PUBLIC_URL"),
    consoleUrl: `http://127.0.0.1:${env.PORT || "3000"}`,
    servesConsole: env.NEXT_RUNTIME === "nodejs",
    limits: limitsFromEnv(env),
  };
}

/** The limits given in the environment. */
function limitsFromEnv(env: Record<string, string | undefined>): Partial<EngineLimits> {
  const limits: Partial<EngineLimits> = {};
  for (const key of Object.keys(LIMIT_NAMES) as (keyof EngineLimits)[]) {
    const value = numberVar(env, limitVariable(key), (n) => Number.isInteger(n) && n >= -1, "an integer >= -1");
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}
