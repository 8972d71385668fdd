import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot, useCliHearth } from "./testing";

const { cli } = useCliHearth("hearth-cli-regions-", { simSeed: 3, owner: "engine-cli-regions" });

const PATH = "volume (RegionOne) -> volume-server.yaml:attach (RegionTwo) via parameter vol_id of resource app";

describe("hearth: cross-region connections through nested templates", () => {
  it("validate names both resources, the path through the templates, and the line of the parameter", async () => {
    const { code, out, err } = await cli("validate", "-t", "examples/regions/bad-cross-region-provider.yaml");
    expect(code).toBe(1);
    expect(out).toBe("");
    const line = fs.readFileSync(path.join(projectRoot, "examples/regions/bad-cross-region-provider.yaml"), "utf8").split("\n").findIndex((l) => l.includes("vol_id:")) + 1;
    expect(err).toContain(`bad-cross-region-provider.yaml:${line}:`);
    expect(err).toContain('"volume" (OS::Cinder::Volume) in region RegionOne');
    expect(err).toContain('"volume-server.yaml:server" (OS::Nova::Server) in region RegionTwo');
    expect(err).toContain(PATH);
    expect(err).toContain("(at resources.app.properties.vol_id)");
  });

  it("stack create refuses it before anything is allocated: no stack, no server, no volume", async () => {
    const { code, err } = await cli("stack", "create", "nested", "-t", "examples/regions/bad-cross-region-provider.yaml", "--wait");
    expect(code).toBe(1);
    expect(err).toContain(PATH);
    expect(JSON.parse((await cli("stack", "list", "-f", "json")).out)).toEqual([]);
    expect(JSON.parse((await cli("cloud", "server", "list", "-f", "json")).out)).toEqual([]);
    expect(JSON.parse((await cli("cloud", "volume", "list", "-f", "json")).out)).toEqual([]);
  });
});
