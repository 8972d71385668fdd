/**
 * scripts/cli-build.mjs, on a scratch project: the prebuilt CLI is built on first use, reused while
 * its sources are unchanged, and built again as soon as one changes, so `npx hearth` always runs the
 * current code.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { currentCli } from "../scripts/cli-build.mjs";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-cli-build-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/**
 * Writes a file of the scratch project; `shift` ms moves its mtime, so an edit within the same clock
 * tick still shows (backwards: an mtime after a build started counts as an edit during that build).
 */
function write(file: string, text: string, shift = 0): void {
  const at = path.join(root, file);
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.writeFileSync(at, text);
  const when = new Date(Date.now() + shift);
  fs.utimesSync(at, when, when);
}

const run = (entry: string) => execFileSync(process.execPath, [entry], { encoding: "utf8" }).trim();

it("builds once, reuses the build while the sources are unchanged, and builds again when one changes", async () => {
  write("package.json", "{}");
  write("cli/main.ts", 'import { word } from "./word";\nconsole.log(word);\n');
  write("cli/word.ts", 'export const word: string = "first";\n');
  const first = await currentCli(root);
  expect(run(first)).toBe("first");
  expect(await currentCli(root)).toBe(first);

  write("cli/word.ts", 'export const word: string = "second";\n', -5_000);
  const second = await currentCli(root);
  expect(second).not.toBe(first);
  expect(run(second)).toBe("second");
  expect(await currentCli(root)).toBe(second);
});
