/**
 * `hearth engine`: a long-running engine worker, one peer among the console server and other
 * workers on the same DATABASE_URL. It takes over operations whose engine's lease expired (the
 * recovery sweep), runs the HA monitor, and with --listen serves this engine's Heat and Keystone
 * REST API at the console's paths (/heat-api, /identity). SIGTERM or SIGINT stop it: it stops taking
 * work, closes the engine (running operations release their locks) and exits 0.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { UsageError, type CommandSpec, type ParsedArgs } from "../args";
import type { Command } from "../context";

/** After a stop signal, the longest the engine may take to close before the process gives up (exit 1). */
const STOP_GRACE_MS = 15_000;

const ENGINE_SPEC: CommandSpec = {
  usage: "hearth engine [--listen <host:port>] [--name <name>] [--lease-ms <ms>] [--sweep-ms <ms>]",
  options: { listen: { type: "string" }, name: { type: "string" }, "lease-ms": { type: "string" }, "sweep-ms": { type: "string" } },
  positionals: [],
};

/** Where --listen asks to serve. */
interface ListenAddress {
  host: string;
  port: number;
}

/** Reads `host:port` (an IPv6 host in brackets: `[::1]:8004`). */
export function parseListen(text: string): ListenAddress {
  const colon = text.lastIndexOf(":");
  const host = text.slice(0, Math.max(colon, 0)).replace(/^\[(.*)\]$/, "$1");
  const portText = text.slice(colon + 1);
  const port = Number(portText);
  if (colon <= 0 || host === "" || !/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--listen must be <host>:<port> (e.g. 127.0.0.1:8004), not "${text}"`);
  return { host, port };
}

/** Reads a whole number of milliseconds option, at least `min`; undefined when absent. */
function millis(args: ParsedArgs, name: string, min: number): number | undefined {
  const text = args.string(name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min) throw new UsageError(`--${name} must be a whole number of milliseconds >= ${min}, not "${text}"`);
  return n;
}

/** The default lock owner id: engine-<host>-<pid>-<random>, unique across restarts of a pid. */
export function defaultEngineName(): string {
  return `engine-${os.hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
}

/** Resolves with the name of the first SIGTERM or SIGINT; a second one exits at once (code 1). */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) process.exit(1);
      stopping = true;
      resolve(signal);
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  });
}

const engineCommand: Command = {
  path: ["engine"],
  summary: "Run an engine worker (a peer on the same database): takes over expired work, runs HA monitors, serves the API with --listen",
  spec: ENGINE_SPEC,
  ownsSignals: true,
  async run(args, ctx) {
    const listenText = args.string("listen");
    const listen = listenText === undefined ? undefined : parseListen(listenText);
    const name = args.string("name") ?? defaultEngineName();
    if (!/^[\w.:@-]{1,200}$/.test(name)) throw new UsageError(`--name must be 1-200 letters, digits or . _ : @ -, not "${name}"`);
    const leaseMs = millis(args, "lease-ms", 100);
    const sweepMs = millis(args, "sweep-ms", 1);
    const stopped = stopSignal();
    const hearth = await ctx.open({ owner: name, haMonitor: true, recover: true, ...(leaseMs === undefined ? {} : { leaseMs }), ...(sweepMs === undefined ? {} : { sweepMs }) });
    // the REST API loads only for `hearth engine --listen`, not at every start of the CLI
    const api = listen ? await import("../../lib/api/node-server").then(({ listenApi }) => listenApi(hearth, listen.host, listen.port)) : undefined;
    ctx.print(`hearth engine ${name} ready${api ? ` on ${api.origin}` : ""}`);
    const signal = await stopped;
    ctx.warn(`hearth engine ${name}: ${signal}, stopping`);
    setTimeout(() => {
      ctx.warn(`hearth engine ${name}: not stopped within ${STOP_GRACE_MS} ms, exiting`);
      process.exit(1);
    }, STOP_GRACE_MS).unref();
    await api?.close();
    // The runner closes the Hearth next: the engine stops and running operations release their locks.
    return 0;
  },
};

/** The `engine` command. */
export const engineCommands: Command[] = [engineCommand];
