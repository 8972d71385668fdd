/**
 * IP address and CIDR arithmetic for the simulated Neutron (IPv4 and IPv6, as bigints).
 * Parsing is strict and every failure returns a message in Neutron's words for the caller to raise.
 */

/** An IP address: its version and numeric value. */
export interface Ip { version: 4 | 6; value: bigint }

/** A parsed CIDR: version, network address (host bits zero) and prefix length. */
export interface Cidr { version: 4 | 6; network: bigint; prefix: number }

const BITS = { 4: 32, 6: 128 } as const;

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseGroups(text: string): string[] | undefined {
  if (text === "") return [];
  const groups = text.split(":");
  return groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g)) ? groups : undefined;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0]);
  const tail = halves.length === 2 ? parseGroups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<string>(missing).fill("0"), ...tail];
  return groups.reduce((value, g) => (value << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** Parses an IPv4 or IPv6 address; undefined when it is not one. */
export function parseIp(text: string): Ip | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { version: 4, value: v4 };
  const v6 = text.includes(":") ? parseIpv6(text) : undefined;
  return v6 === undefined ? undefined : { version: 6, value: v6 };
}

/** Formats an address (IPv6 in RFC 5952 canonical form). */
export function formatIp(ip: Ip): string {
  if (ip.version === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((ip.value >> shift) & 255n)).join(".");
  }
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip.value >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(":");
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
}

/** Parses "a.b.c.d/n" or "x::/n"; returns a Neutron-like error message when invalid. */
export function parseCidr(text: string): Cidr | string {
  const [address, prefixText, extra] = text.split("/");
  const ip = parseIp(address ?? "");
  const bits = ip ? BITS[ip.version] : 0;
  const prefix = Number(prefixText);
  if (!ip || extra !== undefined || !/^\d{1,3}$/.test(prefixText ?? "") || prefix > bits) {
    return `Invalid input for cidr. Reason: '${text}' is not a valid IP subnet.`;
  }
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  if ((ip.value & hostMask) !== 0n) {
    const network = formatIp({ version: ip.version, value: ip.value & ~hostMask });
    return `Invalid input for cidr. Reason: '${text}' isn't a recognized IP subnet cidr, '${network}/${prefix}' is recommended.`;
  }
  return { version: ip.version, network: ip.value, prefix };
}

/** Formats a CIDR back to text. */
export function formatCidr(cidr: Cidr): string {
  return `${formatIp({ version: cidr.version, value: cidr.network })}/${cidr.prefix}`;
}

/** The last address of the CIDR (the broadcast address for IPv4). */
export function lastAddress(cidr: Cidr): bigint {
  return cidr.network + (1n << BigInt(BITS[cidr.version] - cidr.prefix)) - 1n;
}

/** True when the address lies inside the CIDR. */
export function cidrContains(cidr: Cidr, ip: Ip): boolean {
  return ip.version === cidr.version && ip.value >= cidr.network && ip.value <= lastAddress(cidr);
}

/** True when two CIDRs share at least one address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.version === b.version && a.network <= lastAddress(b) && b.network <= lastAddress(a);
}

/**
 * The usable host range, as Neutron computes it: the network address is excluded and, for IPv4, the
 * broadcast address too. Empty (first > last) for /31, /32 and /128.
 */
export function hostRange(cidr: Cidr): { first: bigint; last: bigint } {
  return { first: cidr.network + 1n, last: lastAddress(cidr) - (cidr.version === 4 ? 1n : 0n) };
}

/** An inclusive range of addresses. */
export interface IpRange { start: bigint; end: bigint }

/** Neutron's default allocation pools: the host range minus the gateway address. */
export function defaultPools(cidr: Cidr, gateway: bigint | null): IpRange[] {
  const { first, last } = hostRange(cidr);
  if (first > last) return [];
  if (gateway === null || gateway < first || gateway > last) return [{ start: first, end: last }];
  return [
    { start: first, end: gateway - 1n },
    { start: gateway + 1n, end: last },
  ].filter((r) => r.start <= r.end);
}
