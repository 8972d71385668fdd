/**
 * A stack with an owner (the hearth.owner.* tags a parent in another region sets on its child) is
 * changed by the CLI only with --override-owner: update, suspend, resume and delete without it fail
 * naming the owner and leave the stack as it was; check, a read of its state, needs no flag.
 */
import { describe, expect, it } from "vitest";
import { useCliHearth } from "./testing";

const { cli, hearth } = useCliHearth("hearth-cli-owner-");

const OWNER = "hearth.owner.region=RegionOne,hearth.owner.stack=p-123,hearth.owner.resource=two,hearth.owner.generation=1";

describe("hearth stack ... --override-owner", () => {
  it("refuses changes to an owned stack without the flag, naming its owner, and makes them with it", async () => {
    expect((await cli("stack", "create", "child", "-t", "examples/simple-server.yaml", "--tags", OWNER, "--wait")).code).toBe(0);
    const before = await hearth().getStack("child");

    for (const argv of [["update", "child", "--existing", "--wait"], ["suspend", "child", "--wait"], ["delete", "child", "-y", "--wait"]]) {
      const refused = await cli("stack", ...argv);
      expect(refused.code, argv.join(" ")).toBe(1);
      expect(refused.err).toContain("Stack child is owned by resource two of stack p-123 in region RegionOne");
      expect(refused.err).toContain("--override-owner");
    }
    const after = await hearth().getStack("child");
    expect([after.stack.action, after.stack.status, after.stack.generation]).toEqual([before.stack.action, before.stack.status, before.stack.generation]);
    expect((await cli("stack", "check", "child", "--wait")).code).toBe(0);

    expect((await cli("stack", "suspend", "child", "--wait", "--override-owner")).code).toBe(0);
    expect((await hearth().getStack("child")).stack.action).toBe("SUSPEND");
    expect((await cli("stack", "resume", "child", "--wait", "--override-owner")).code).toBe(0);
    expect((await cli("stack", "update", "child", "--existing", "--wait", "--override-owner")).code).toBe(0);
    expect((await hearth().getStack("child")).stack.action).toBe("UPDATE");
    expect((await cli("stack", "delete", "child", "-y", "--wait", "--override-owner")).code).toBe(0);
    expect((await cli("stack", "show", "child")).code).toBe(1);
  });
});
