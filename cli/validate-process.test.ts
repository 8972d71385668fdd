import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const execFileAsync = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");

describe("hearth validate as a process", () => {
  it("validates without opening the database (here one that cannot be created)", async () => {
    const env = { ...process.env, DATABASE_URL: "file:/proc/hearth-no-database/x.db" };
    const ok = await execFileAsync(process.execPath, ["bin/hearth.mjs", "validate", "-t", "examples/simple-server.yaml", "-f", "json"], { cwd: root, env, timeout: 120_000 });
    expect(JSON.parse(ok.stdout)).toMatchObject({ Description: expect.any(String), Parameters: expect.objectContaining({ flavor: expect.anything() }) });
    const bad = await execFileAsync(process.execPath, ["bin/hearth.mjs", "validate", "-t", "examples/bad-cross-region.yaml"], { cwd: root, env, timeout: 120_000 }).catch((error: { code: number; stderr: string }) => error);
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringMatching(/bad-cross-region\.yaml:\d+:\d+: error: .*"attachment"/) });
  });
});
