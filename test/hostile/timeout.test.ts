/**
 * A stack timeout is checked in one place, the engine's create/update options (checkTimeout): the CLI's
 * --timeout and the API's timeout_mins are refused in the same words beyond 1..35791 minutes, before
 * any stack is stored.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../cli/index";
import { createHearth } from "../../lib/services";
import type { Hearth } from "../../lib/services/types";
import { tempDatabaseFile } from "../../lib/store/testing/temp-database";
import { ADMIN_PASSWORD } from "../api/harness";

const TEMPLATE = "heat_template_version: 2018-08-31\nresources:\n  r: {type: OS::Heat::None}\n";
const REFUSAL = /^ERROR: "timeout_mins" must be a whole number of minutes from 1 to 35791, not /;

describe("the CLI's --timeout", () => {
  const file = tempDatabaseFile("hearth-timeout-cli-");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-timeout-files-"));
  let hearth: Hearth;
  const cli = async (...argv: string[]): Promise<{ code: number; output: string }> => {
    let output = "";
    const write = (t: string) => void (output += t);
    const code = await runCli(argv, { stdout: write, stderr: write, cwd: dir, openHearth: async () => hearth });
    return { code, output };
  };
  beforeAll(async () => {
    hearth = await createHearth({ databaseUrl: file.url, root: path.resolve(import.meta.dirname, "../.."), simSpeed: 0, pollIntervalMs: 10, haMonitor: false, bootstrapPassword: ADMIN_PASSWORD });
    fs.writeFileSync(path.join(dir, "t.yaml"), TEMPLATE);
  });
  afterAll(async () => {
    await hearth.close();
    file.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is refused beyond what a timer can wait, as the API refuses timeout_mins, and stores nothing", async () => {
    for (const timeout of ["35792", "1000000000000", "1e400", "0", "-1", "2.5", "soon"]) {
      const { code, output } = await cli("stack", "create", `t${timeout.length}`, "-t", "t.yaml", "--timeout", timeout);
      expect(code, timeout).toBe(1);
      expect(output, timeout).toMatch(REFUSAL);
    }
    expect((await cli("stack", "create", "soon", "-t", "t.yaml", "--timeout", "soon")).output).toContain("not a number.");
    expect(await hearth.listStacks({ includeNested: true })).toEqual([]);
  });

  it("is refused on update too, and 35791 is accepted", async () => {
    expect((await cli("stack", "create", "fine", "-t", "t.yaml", "--timeout", "35791", "--wait")).code).toBe(0);
    const update = await cli("stack", "update", "fine", "--existing", "--timeout", "35792");
    expect(update.code).toBe(1);
    expect(update.output).toMatch(REFUSAL);
    expect((await hearth.getStack("fine")).stack.timeoutMins).toBe(35_791);
  });
});
