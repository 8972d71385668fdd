/**
 * Test harness of the CLI: a Hearth on a temporary SQLite file (speed 0) opened before the file's
 * tests and closed after them, and `cli(...argv)` that runs the CLI in-process against it.
 */
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createHearth, type CreateHearthOptions } from "../lib/services";
import type { Hearth } from "../lib/services/types";
import { tempDatabaseFile } from "../lib/store/testing/temp-database";
import { runCli } from "./index";

/** What one CLI run printed, and its exit code. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** The project root: CLI paths in tests (examples/...) are relative to it. */
export const projectRoot = path.resolve(import.meta.dirname, "..");

/** Registers a Hearth for the calling test file; returns the CLI runner and the Hearth accessor. */
export function useCliHearth(prefix: string, options: Partial<CreateHearthOptions> = {}): { cli: (...argv: string[]) => Promise<CliRun>; hearth: () => Hearth } {
  const file = tempDatabaseFile(prefix);
  let hearth: Hearth;
  beforeAll(async () => {
    hearth = await createHearth({ databaseUrl: file.url, root: projectRoot, simSpeed: 0, pollIntervalMs: 10, ...options });
  });
  afterAll(async () => {
    await hearth.close();
    file.remove();
  });
  const cli = async (...argv: string[]): Promise<CliRun> => {
    let out = "";
    let err = "";
    const code = await runCli(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: projectRoot, openHearth: async () => hearth });
    return { code, out, err };
  };
  return { cli, hearth: () => hearth };
}
