import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useCliHearth } from "./testing";

const { cli, hearth } = useCliHearth("hearth-cli-abandon-");

describe("hearth stack abandon / adopt", () => {
  it("abandons a stack to a file, keeping its server, and adopts it back with the same physical ids", async () => {
    expect((await cli("stack", "create", "web", "-t", "examples/simple-server.yaml", "--wait")).code).toBe(0);
    const ids = (await hearth().getStack("web")).resources.map((r) => [r.name, r.physicalId]).sort();
    const servers = (await hearth().cloudInventory()).servers.length;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hearth-abandon-")), "web.json");

    const abandoned = await cli("stack", "abandon", "web", "--output-file", file);
    expect(abandoned).toMatchObject({ code: 0, out: "" });
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({ name: "web", resources: { server: { type: "OS::Nova::Server" } } });
    expect((await cli("stack", "show", "web")).code).toBe(1);
    expect((await hearth().cloudInventory()).servers).toHaveLength(servers);

    const adopted = await cli("stack", "adopt", "web2", "--adopt-file", file, "--wait", "-f", "json");
    expect(adopted.code).toBe(0);
    expect(JSON.parse(adopted.out.slice(adopted.out.indexOf("{")))).toMatchObject({ stack_name: "web2", stack_status: "ADOPT_COMPLETE" });
    expect((await hearth().getStack("web2")).resources.map((r) => [r.name, r.physicalId]).sort()).toEqual(ids);
    expect((await hearth().cloudInventory()).servers).toHaveLength(servers);
  });

  it("refuses an adopt file that is missing or not abandon data, as a usage error", async () => {
    const missing = await cli("stack", "adopt", "x", "--adopt-file", "/nonexistent/x.json");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("Cannot read the adopt file /nonexistent/x.json");
    expect((await cli("stack", "adopt", "x", "--adopt-file", "package.json")).err).toContain('is not abandon data: it has no "resources"');
    expect((await cli("stack", "adopt", "x")).err).toContain("--adopt-file");
  });
});
