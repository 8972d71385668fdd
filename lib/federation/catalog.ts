/**
 * The federation catalog: which regions exist, where each one's Heat and identity APIs answer, which
 * region this Hearth serves, and the key the regions share to sign tokens. It is read from a
 * federation file (JSON or YAML, HEARTH_FEDERATION=<path>) plus HEARTH_REGION (the region served
 * here) and HEARTH_FEDERATION_KEY (overrides the file's tokenKey). Without HEARTH_FEDERATION a Hearth
 * is the single-process embedded default (every simulated region in one process).
 *
 *   tokenKey: <at least 32 characters>          # shared by every region (HMAC-SHA256 token signing)
 *   regions:
 *     - { name: RegionOne, heat: http://10.0.0.1:8004/heat-api, identity: http://10.0.0.1:8004/identity }
 */
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";

/** One region of the federation and its endpoints (without trailing slashes). */
export interface RegionEndpoint {
  name: string;
  /** The region's Heat API root, e.g. http://127.0.0.1:3001/heat-api (the client adds /v1/{project}). */
  heat: string;
  /** The region's Keystone API root, e.g. http://127.0.0.1:3001/identity (the client adds /v3). */
  identity: string;
}

/** A parsed, checked federation as one region sees it. */
export interface Federation {
  /** The region this Hearth serves. */
  self: RegionEndpoint;
  /** Every region, this one included, in the file's order. */
  regions: RegionEndpoint[];
  /** The shared secret that signs tokens every region accepts. */
  tokenKey: string;
  /** Where the catalog came from (for messages). */
  source: string;
}

/** A federation file or variable that cannot be used; the message names the place. */
export class FederationConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FederationConfigError";
  }
}

/** Shortest shared token key accepted: 32 characters (HMAC-SHA256 wants at least 256 bits). */
export const MIN_TOKEN_KEY_LENGTH = 32;

const REGION_NAME = /^[A-Za-z][\w.-]{0,63}$/;

/** An http(s) URL at `where`, without trailing slashes. */
function urlAt(value: unknown, where: string): string {
  if (typeof value !== "string" || value === "") throw new FederationConfigError(`${where} must be an http or https URL`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FederationConfigError(`${where} must be an http or https URL, not "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FederationConfigError(`${where} must be an http or https URL, not "${value}"`);
  return value.replace(/\/+$/, "");
}

/** One entry of `regions`, checked. */
function regionAt(value: unknown, where: string): RegionEndpoint {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new FederationConfigError(`${where} must be a map with name, heat and identity`);
  const entry = value as Record<string, unknown>;
  const unknown = Object.keys(entry).filter((key) => !["name", "heat", "identity"].includes(key));
  if (unknown.length > 0) throw new FederationConfigError(`${where} has unknown key "${unknown[0]}" (allowed: name, heat, identity)`);
  if (typeof entry.name !== "string" || !REGION_NAME.test(entry.name)) throw new FederationConfigError(`${where}.name must be a region name (a letter, then letters, digits, . _ -), not ${JSON.stringify(entry.name)}`);
  return { name: entry.name, heat: urlAt(entry.heat, `${where}.heat`), identity: urlAt(entry.identity, `${where}.identity`) };
}

/**
 * Parses a federation document (JSON or YAML text) for the region `regionName`; `source` names the
 * file in errors and `keyOverride` replaces the document's tokenKey.
 */
export function parseFederation(text: string, source: string, regionName: string | undefined, keyOverride?: string): Federation {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new FederationConfigError(`${source}: not JSON or YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new FederationConfigError(`${source}: must be a map with tokenKey and regions`);
  const body = doc as Record<string, unknown>;
  const unknown = Object.keys(body).filter((key) => key !== "tokenKey" && key !== "regions");
  if (unknown.length > 0) throw new FederationConfigError(`${source}: unknown key "${unknown[0]}" (allowed: tokenKey, regions)`);
  if (!Array.isArray(body.regions) || body.regions.length === 0) throw new FederationConfigError(`${source}: regions must be a list of at least one region`);
  const regions = body.regions.map((entry, i) => regionAt(entry, `${source}: regions[${i}]`));
  const seen = new Set<string>();
  for (const [i, region] of regions.entries()) {
    if (seen.has(region.name)) throw new FederationConfigError(`${source}: regions[${i}].name "${region.name}" appears twice`);
    seen.add(region.name);
  }
  const tokenKey = keyOverride || body.tokenKey;
  const keyPlace = keyOverride ? "HEARTH_FEDERATION_KEY" : `${source}: tokenKey`;
  if (typeof tokenKey !== "string" || tokenKey.length < MIN_TOKEN_KEY_LENGTH) throw new FederationConfigError(`${keyPlace} must be a secret of at least ${MIN_TOKEN_KEY_LENGTH} characters`);
  if (!regionName) throw new FederationConfigError(`HEARTH_REGION must name the region this Hearth serves (one of ${regions.map((r) => r.name).join(", ")})`);
  const self = regions.find((r) => r.name === regionName);
  if (!self) throw new FederationConfigError(`HEARTH_REGION "${regionName}" is not a region of ${source} (its regions: ${regions.map((r) => r.name).join(", ")})`);
  return { self, regions, tokenKey, source };
}

/** The federation the environment names (HEARTH_FEDERATION, HEARTH_REGION, HEARTH_FEDERATION_KEY); undefined without one. */
export function federationFromEnv(env: Record<string, string | undefined> = process.env): Federation | undefined {
  const file = env.HEARTH_FEDERATION;
  if (!file) {
    if (env.HEARTH_REGION) throw new FederationConfigError(`HEARTH_REGION is set to "${env.HEARTH_REGION}" but HEARTH_FEDERATION (the federation file) is not`);
    return undefined;
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new FederationConfigError(`HEARTH_FEDERATION: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseFederation(text, file, env.HEARTH_REGION, env.HEARTH_FEDERATION_KEY);
}

let current: { value: Federation | undefined } | undefined;

/** This process's federation (from process.env, read once); undefined for the single-process default. */
export function currentFederation(): Federation | undefined {
  current ??= { value: federationFromEnv(process.env) };
  return current.value;
}

/** The region named `name`, or undefined when the federation has none by that name. */
export function regionNamed(federation: Federation, name: string): RegionEndpoint | undefined {
  return federation.regions.find((r) => r.name === name);
}
