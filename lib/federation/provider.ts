/**
 * The RemoteNestedProvider of a federation: a nested stack whose region is another region of the
 * catalog runs there, through that region's Heat API (remote-heat.ts, remote-nested.ts), with a token
 * for the parent's project; the region this Hearth serves, and regions the catalog does not list,
 * stay with the local engine.
 */
import type { RemoteNestedProvider } from "../engine/ports";
import { regionNamed, type Federation } from "./catalog";
import { RemoteHeat } from "./remote-heat";
import { remoteNestedOps, type RemoteWaits } from "./remote-nested";

/** What the provider needs besides the catalog. */
export interface ProviderOptions {
  /** A token for `projectId` (of this region) that the other regions accept. */
  tokenFor(projectId: string): Promise<string>;
  waits?: RemoteWaits;
  /** Longest wait for one request's answer. */
  requestTimeoutMs?: number;
}

/** Clients of `federation`'s other regions, one per region and project; undefined for this region and regions the catalog does not list. */
export function remoteClients(federation: Federation, options: Omit<ProviderOptions, "waits">): (regionName: string, projectId: string) => RemoteHeat | undefined {
  const clients = new Map<string, RemoteHeat>();
  return (regionName, projectId) => {
    const region = regionNamed(federation, regionName);
    if (!region || region.name === federation.self.name) return undefined;
    const key = `${region.name}\n${projectId}`;
    let client = clients.get(key);
    if (!client) {
      client = new RemoteHeat({ region, token: () => options.tokenFor(projectId), requestTimeoutMs: options.requestTimeoutMs });
      clients.set(key, client);
    }
    return client;
  };
}

/** The provider of `federation`'s remote regions. */
export function remoteNestedProvider(federation: Federation, options: ProviderOptions): RemoteNestedProvider {
  const clientOf = remoteClients(federation, options);
  return (regionName, owner, hooks) => {
    const client = clientOf(regionName, owner.projectId);
    return client && remoteNestedOps(client, owner, hooks, options.waits);
  };
}
