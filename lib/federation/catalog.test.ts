import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { federationFromEnv, parseFederation } from "./catalog";

const KEY = "k".repeat(32);
const regions = [
  { name: "RegionOne", heat: "http://10.0.0.1:8004/heat-api/", identity: "http://10.0.0.1:8004/identity" },
  { name: "RegionTwo", heat: "http://10.0.0.2:8004/heat-api", identity: "http://10.0.0.2:8004/identity" },
];

describe("parseFederation", () => {
  it("reads JSON and YAML alike, picks the served region and drops trailing slashes", () => {
    const json = parseFederation(JSON.stringify({ tokenKey: KEY, regions }), "f.json", "RegionTwo");
    const yaml = parseFederation(`tokenKey: ${KEY}\nregions:\n${regions.map((r) => `  - {name: ${r.name}, heat: "${r.heat}", identity: "${r.identity}"}`).join("\n")}\n`, "f.yaml", "RegionTwo");
    expect(yaml.regions).toEqual(json.regions);
    expect(json.self.name).toBe("RegionTwo");
    expect(json.regions[0].heat).toBe("http://10.0.0.1:8004/heat-api");
  });

  it.each([
    [{ tokenKey: KEY, regions: [] }, "RegionOne", "f.json: regions must be a list of at least one region"],
    [{ tokenKey: KEY, regions: [{ ...regions[0], heat: "ftp://x" }] }, "RegionOne", 'f.json: regions[0].heat must be an http or https URL, not "ftp://x"'],
    [{ tokenKey: KEY, regions: [regions[0], regions[0]] }, "RegionOne", 'f.json: regions[1].name "RegionOne" appears twice'],
    [{ tokenKey: KEY, regions: [{ ...regions[0], port: 1 }] }, "RegionOne", 'f.json: regions[0] has unknown key "port"'],
    [{ tokenKey: "short", regions }, "RegionOne", "f.json: tokenKey must be a secret of at least 32 characters"],
    [{ tokenKey: KEY, regions }, "RegionNine", 'HEARTH_REGION "RegionNine" is not a region of f.json (its regions: RegionOne, RegionTwo)'],
    [{ tokenKey: KEY, regions }, undefined, "HEARTH_REGION must name the region this Hearth serves (one of RegionOne, RegionTwo)"],
  ])("refuses %j for %s, naming the place", (doc, region, message) => {
    expect(() => parseFederation(JSON.stringify(doc), "f.json", region)).toThrow(message);
  });

  it("refuses text that is neither JSON nor YAML", () => {
    expect(() => parseFederation("regions: [", "f.yaml", "RegionOne")).toThrow(/^f\.yaml: not JSON or YAML/);
  });
});

describe("federationFromEnv", () => {
  it("is undefined without HEARTH_FEDERATION, and reads the file it names with the key override", () => {
    expect(federationFromEnv({})).toBeUndefined();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "fed-")), "federation.json");
    writeFileSync(file, JSON.stringify({ tokenKey: KEY, regions }));
    const federation = federationFromEnv({ HEARTH_FEDERATION: file, HEARTH_REGION: "RegionOne", HEARTH_FEDERATION_KEY: "o".repeat(40) });
    expect(federation?.tokenKey).toBe("o".repeat(40));
  });

  it("refuses HEARTH_REGION without a federation file, and a file it cannot read", () => {
    expect(() => federationFromEnv({ HEARTH_REGION: "RegionTwo" })).toThrow('HEARTH_REGION is set to "RegionTwo" but HEARTH_FEDERATION (the federation file) is not');
    expect(() => federationFromEnv({ HEARTH_FEDERATION: "/nonexistent/f.json", HEARTH_REGION: "RegionTwo" })).toThrow("HEARTH_FEDERATION: cannot read /nonexistent/f.json: ENOENT");
  });
});
