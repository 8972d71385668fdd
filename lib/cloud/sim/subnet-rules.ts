/** Validation of a subnet's CIDR, gateway and allocation pools, with Neutron's messages. */
import { badRequest } from "./errors";
import { cidrsOverlap, defaultPools, formatCidr, formatIp, hostRange, parseCidr, parseIp, type Cidr, type IpRange } from "./ipam";

/** A subnet's addressing, validated: what a SubnetRecord stores. */
export interface SubnetAddressing {
  cidr: Cidr;
  gateway: bigint | null;
  pools: IpRange[];
}

function rangeText(cidr: Cidr, range: IpRange): string {
  return `${formatIp({ version: cidr.version, value: range.start })}-${formatIp({ version: cidr.version, value: range.end })}`;
}

/** Parses the CIDR and checks it against the IP version and the network's other subnets. */
export function checkCidr(text: string, ipVersion: 4 | 6, networkId: string, others: string[]): Cidr {
  const cidr = parseCidr(text);
  if (typeof cidr === "string") throw badRequest(cidr);
  if (cidr.version !== ipVersion) {
    throw badRequest(`Invalid input for operation: Cidr ${text} does not match ip_version ${ipVersion}.`);
  }
  for (const other of others) {
    const parsed = parseCidr(other);
    if (typeof parsed !== "string" && cidrsOverlap(parsed, cidr)) {
      throw badRequest(
        `Invalid input for operation: Requested subnet with cidr: ${text} for network: ${networkId} overlaps with another subnet.`,
      );
    }
  }
  return cidr;
}

/** The gateway address: undefined picks the first host, null means none; it must be a host of the CIDR. */
export function checkGateway(cidr: Cidr, gateway: string | null | undefined): bigint | null {
  const { first, last } = hostRange(cidr);
  if (gateway === null) return null;
  if (gateway === undefined) return first <= last ? first : null;
  const ip = parseIp(gateway);
  if (!ip || ip.version !== cidr.version || ip.value < first || ip.value > last) {
    throw badRequest(`Invalid input for operation: Gateway IP ${gateway} is not valid on subnet ${formatCidr(cidr)}.`);
  }
  return ip.value;
}

/** Parses and checks allocation pools (inside the host range, ordered, disjoint, not holding the gateway). */
export function checkPools(cidr: Cidr, gateway: bigint | null, pools: { start: string; end: string }[] | undefined): IpRange[] {
  if (pools === undefined) return defaultPools(cidr, gateway);
  const { first, last } = hostRange(cidr);
  const ranges = pools.map((pool) => {
    const start = parseIp(pool.start);
    const end = parseIp(pool.end);
    const text = `${pool.start}-${pool.end}`;
    if (!start || !end || start.version !== cidr.version || end.version !== cidr.version || start.value > end.value) {
      throw badRequest(`The allocation pool ${text} is not valid.`);
    }
    if (start.value < first || end.value > last) {
      throw badRequest(`The allocation pool ${text} spans beyond the subnet cidr ${formatCidr(cidr)}.`);
    }
    return { start: start.value, end: end.value };
  });
  const sorted = [...ranges].sort((a, b) => (a.start < b.start ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start <= sorted[i - 1].end) {
      throw badRequest(
        `Found overlapping allocation pools: ${rangeText(cidr, sorted[i - 1])} and ${rangeText(cidr, sorted[i])} for subnet ${formatCidr(cidr)}.`,
      );
    }
  }
  checkGatewayOutsidePools(cidr, gateway, ranges);
  return ranges;
}

/** Throws when the gateway lies inside one of the pools. */
export function checkGatewayOutsidePools(cidr: Cidr, gateway: bigint | null, pools: IpRange[]): void {
  const hit = gateway === null ? undefined : pools.find((r) => r.start <= gateway && gateway <= r.end);
  if (hit && gateway !== null) {
    throw badRequest(
      `Gateway ip ${formatIp({ version: cidr.version, value: gateway })} conflicts with allocation pool ${rangeText(cidr, hit)}.`,
    );
  }
}

/** Pools as stored on the Subnet. */
export function poolsToText(cidr: Cidr, pools: IpRange[]): { start: string; end: string }[] {
  return pools.map((r) => ({
    start: formatIp({ version: cidr.version, value: r.start }),
    end: formatIp({ version: cidr.version, value: r.end }),
  }));
}

/** Pools of a stored Subnet, parsed back. */
export function poolsFromText(pools: { start: string; end: string }[]): IpRange[] {
  return pools.map((p) => ({ start: parseIp(p.start)?.value ?? 0n, end: parseIp(p.end)?.value ?? -1n }));
}
