/** Types of scripts/federation.mjs (plain JavaScript, so `npm run federation` needs no compile step). */
import type { ChildProcess } from "node:child_process";

/** The regions of the local federation, in port order. */
export const FEDERATION_REGIONS: string[];

/** One running region process. */
export interface RegionProcess {
  region: string;
  /** http://host:port of its Heat (/heat-api) and Keystone (/identity) APIs. */
  origin: string;
  child: ChildProcess;
  stderr(): string;
  alive(): boolean;
}

/** The federation file as written. */
export interface FederationDoc {
  tokenKey: string;
  regions: { name: string; heat: string; identity: string }[];
}

/** Writes (or keeps the token key of) `<dir>/federation.json` for regions on host:ports[i]. */
export function writeFederationFile(dir: string, host: string, ports: number[], regions?: string[]): { file: string; doc: FederationDoc };

/** Starts one region's `hearth engine --listen` process; resolves once it is ready. */
export function startRegion(options: { region: string; host: string; port: number; dir: string; federationFile: string; env?: Record<string, string> }): Promise<RegionProcess>;

/** Starts every region (ports basePort, basePort+1, ...); resolves once all are ready. */
export function startFederation(options: { dir: string; host?: string; basePort?: number; regions?: string[]; env?: Record<string, string> }): Promise<{ file: string; doc: FederationDoc; regions: RegionProcess[] }>;
