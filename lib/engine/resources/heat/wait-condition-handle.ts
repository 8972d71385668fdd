/**
 * OS::Heat::WaitConditionHandle: receives signals ({status, reason, data, id}) from instances and
 * keeps them in its resource data ("signal.<id>" keys) for OS::Heat::WaitCondition to read; its
 * metadata shows them as Heat's does: `{<id>: {data, reason, status}}`.
 */
import { optString } from "../support/props";
import { randomUuid, shortId } from "../support/naming";
import { defineResource } from "../define";
import { type ResourceContext } from "../types";

/** One stored signal of a handle. */
export interface HandleSignal {
  id: string;
  status: "SUCCESS" | "FAILURE";
  reason: string;
  data: unknown;
  /** Arrival order. */
  seq: number;
}

const PREFIX = "signal.";
const KEYS = new Set(["status", "reason", "data", "id"]);

/** The signals stored in a handle's data, in arrival order. */
export function readSignals(data: Record<string, string>): HandleSignal[] {
  return Object.entries(data)
    .filter(([k]) => k.startsWith(PREFIX))
    .map(([k, v]) => ({ ...(JSON.parse(v) as Omit<HandleSignal, "id">), id: k.slice(PREFIX.length) }))
    .sort((a, b) => a.seq - b.seq);
}

/** Validates and normalises one signal as Heat does: defaults, then "Metadata format invalid" if it does not fit. */
export function normaliseSignal(details: unknown, previous: number): HandleSignal {
  if (details !== undefined && details !== null && (typeof details !== "object" || Array.isArray(details))) {
    throw new Error("Metadata format invalid");
  }
  const d = { ...((details ?? {}) as Record<string, unknown>) };
  const n = previous + 1;
  const status = d.status ?? "SUCCESS";
  if (Object.keys(d).some((k) => !KEYS.has(k)) || (status !== "SUCCESS" && status !== "FAILURE")) {
    throw new Error("Metadata format invalid");
  }
  return {
    id: String(d.id ?? n),
    status,
    reason: d.reason === undefined ? `Signal ${n} received` : String(d.reason),
    data: d.data ?? null,
    seq: n,
  };
}

/** Heat's resource-signal URL path for a resource (relative: the engine does not know its public host). */
export function signalEndpoint(ctx: ResourceContext): string {
  const s = ctx.stack;
  return `/v1/${s.projectId}/stacks/${encodeURIComponent(s.name)}/${s.id}/resources/${encodeURIComponent(ctx.name)}/signal`;
}

const TRANSPORTS = ["CFN_SIGNAL", "TEMP_URL_SIGNAL", "HEAT_SIGNAL", "NO_SIGNAL", "ZAQAR_SIGNAL", "TOKEN_SIGNAL"];

/** The OS::Heat::WaitConditionHandle plugin. */
export const waitConditionHandleResource = defineResource({
  type: "OS::Heat::WaitConditionHandle",
  properties: {},
  attributes: {
    endpoint: { produces: { kind: "url" } },
    curl_cli: { produces: { kind: "script" } },
  },
  handlers: {
    async create(ctx) {
      ctx.setPhysicalId(randomUuid(ctx));
      if (optString(ctx.properties, "signal_transport") !== "NO_SIGNAL") {
        ctx.setData("token", shortId(ctx, 32));
        ctx.setData("endpoint", signalEndpoint(ctx));
      }
    },
    async signal(ctx, details) {
      const signal = normaliseSignal(details, readSignals(ctx.data).length);
      const { id, ...stored } = signal;
      ctx.setData(PREFIX + id, JSON.stringify(stored));
      ctx.note(`Signal: status:${signal.status} reason:${signal.reason}`);
    },
    metadata: (ctx) => Object.fromEntries(readSignals(ctx.data).map(({ id, status, reason, data }) => [id, { data, reason, status }])),
    async attribute(ctx, name) {
      if (!ctx.physicalId) return null;
      const { token, endpoint } = ctx.data;
      switch (name) {
        case "token":
          return token ?? null;
        case "endpoint":
          return endpoint ?? null;
        case "curl_cli":
          if (!token || !endpoint) return null;
          return (
            `curl -i -X POST -H 'X-Auth-Token: ${token}' -H 'Content-Type: application/json' ` +
            `-H 'Accept: application/json' ${endpoint}`
          );
        case "signal":
          return JSON.stringify(token && endpoint ? { url: endpoint, token } : {});
        default:
          return undefined;
      }
    },
  },
});
