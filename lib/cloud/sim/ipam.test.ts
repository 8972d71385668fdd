import { describe, expect, it } from "vitest";
import { cidrContains, cidrsOverlap, defaultPools, formatCidr, formatIp, hostRange, parseCidr, parseIp, type Cidr } from "./ipam";

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed;
}

describe("ipam", () => {
  it("parses and formats IPv4 and IPv6 addresses", () => {
    expect(parseIp("10.0.0.1")).toEqual({ version: 4, value: 0x0a000001n });
    expect(parseIp("10.0.0.256")).toBeUndefined();
    expect(parseIp("10.0.01.1")).toBeUndefined();
    expect(parseIp("nonsense")).toBeUndefined();
    const v6 = parseIp("2001:DB8:0:0:0:0:0:1");
    expect(v6 && formatIp(v6)).toBe("2001:db8::1");
    expect(formatIp(parseIp("fd00::")!)).toBe("fd00::");
    expect(formatIp(parseIp("::1")!)).toBe("::1");
    expect(formatIp(parseIp("1:0:2:0:0:3:0:4")!)).toBe("1:0:2::3:0:4");
    expect(parseIp("1::2::3")).toBeUndefined();
    expect(parseIp("1:2:3:4:5:6:7:8:9")).toBeUndefined();
  });

  it("validates CIDRs with Neutron's messages", () => {
    expect(formatCidr(cidr("10.0.0.0/24"))).toBe("10.0.0.0/24");
    expect(parseCidr("10.0.0.1/24")).toBe(
      "Invalid input for cidr. Reason: '10.0.0.1/24' isn't a recognized IP subnet cidr, '10.0.0.0/24' is recommended.",
    );
    expect(parseCidr("10.0.0.0/33")).toMatch(/not a valid IP subnet/);
    expect(parseCidr("10.0.0.0")).toMatch(/not a valid IP subnet/);
    expect(formatCidr(cidr("fd00:1::/64"))).toBe("fd00:1::/64");
  });

  it("computes containment, overlap, host ranges and default pools", () => {
    const net = cidr("10.0.0.0/26");
    expect(cidrContains(net, parseIp("10.0.0.63")!)).toBe(true);
    expect(cidrContains(net, parseIp("10.0.0.64")!)).toBe(false);
    expect(cidrsOverlap(net, cidr("10.0.0.32/27"))).toBe(true);
    expect(cidrsOverlap(net, cidr("10.0.0.64/26"))).toBe(false);
    expect(hostRange(net)).toEqual({ first: 0x0a000001n, last: 0x0a00003en });
    expect(defaultPools(net, 0x0a000001n)).toEqual([{ start: 0x0a000002n, end: 0x0a00003en }]);
    expect(defaultPools(net, 0x0a000005n)).toHaveLength(2);
    expect(defaultPools(cidr("10.0.0.0/32"), null)).toEqual([]);
  });
});
