/**
 * `hearth stack resource resolve`: exactly one of --adopt, --reapply, --detach (a usage error
 * otherwise), and the resolution reaches the service, which refuses it outside a federation's region
 * (the resolutions themselves run in test/federation/split-brain.test.ts, over the API).
 */
import { describe, expect, it } from "vitest";
import { useCliHearth } from "./testing";

const { cli } = useCliHearth("hearth-cli-resolve-");

describe("hearth stack resource resolve", () => {
  it("needs exactly one resolution flag", async () => {
    for (const flags of [[], ["--adopt", "--detach"]]) {
      const run = await cli("stack", "resource", "resolve", "p", "two", ...flags);
      expect(run.code).toBe(2);
      expect(run.err).toContain("choose exactly one of --adopt, --reapply, --detach");
    }
  });

  it("asks the service, which resolves only in a region of a federation", async () => {
    expect((await cli("stack", "create", "p", "-t", "examples/simple-server.yaml", "--wait")).code).toBe(0);
    const run = await cli("stack", "resource", "resolve", "p", "server", "--reapply");
    expect(run.code).toBe(1);
    expect(run.err).toContain("Divergence is resolved only by a region of a federation");
  });
});
