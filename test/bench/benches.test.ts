/**
 * Every benchmark still runs: each bench/ script in its --tiny mode, as a child process (as a person
 * runs it), must exit 0 within its time bound and print its table. Times are never asserted. A new
 * bench script fails the listing test until it is added here.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

/** Each bench entry point, with the arguments of its tiny run beyond --tiny. */
const BENCHES: Record<string, string[][]> = {
  "cli-start.ts": [[]],
  "cloud-concurrency.ts": [[]],
  "designer.ts": [[]],
  "designer-canvas.ts": [[]],
  "designer-completions.ts": [[]],
  "event-latency.ts": [[]],
  "failover.ts": [[]],
  "federation.ts": [[]],
  "ha-tick.ts": [[]],
  "hostile.ts": [[]],
  "peers.ts": [[]],
  "engine-create.ts": [[], ["--store", "sqlite"], ["--e2e"], ["--e2e", "api", "--store", "sqlite,postgres"]],
};

/** Bench files that are not entry points, or that cannot run here, with the reason. */
const NOT_RUN: Record<string, string> = {
  "support.ts": "the benches' shared statistics and table printer",
  "designer-template.ts": "the designer benches' template generator",
  "designer-browser.ts": "drives chromium against a production console build (next build), which npm test makes only for Playwright",
};

/** A printed Markdown table: a header row and its separator. */
const TABLE = /^\|.*\|\n\|[-|]+\|$/m;

describe("benchmarks in tiny mode", () => {
  it("covers every bench script", () => {
    const scripts = fs.readdirSync(path.join(root, "bench")).filter((f) => f.endsWith(".ts"));
    expect(scripts.sort()).toEqual([...Object.keys(BENCHES), ...Object.keys(NOT_RUN)].sort());
  });

  for (const [script, variants] of Object.entries(BENCHES)) {
    for (const args of variants) {
      it(`${script} ${args.join(" ")} runs and prints its table`, async () => {
        const { stdout } = await run(process.execPath, ["--import", "tsx", path.join("bench", script), "--tiny", ...args], {
          cwd: root,
          env: { ...process.env, HEARTH_SIM_SPEED: "0" },
          timeout: 170_000,
          maxBuffer: 16 * 1024 * 1024,
        });
        expect(stdout).toMatch(TABLE);
      }, 180_000);
    }
  }
});
