/**
 * The designer's two-way sync in a real browser (Debian's chromium) against a built console, with a
 * 200-resource template (stored layout) open:
 *   - key -> canvas: from the key press that completes a new resource's name line in Monaco to the
 *     frame after its node appears on the canvas;
 *   - key -> Monaco: from a key press in a property value to the frame after Monaco draws it;
 *   - drop -> YAML: from a palette drop on the canvas to the frame after Monaco holds the new text;
 * p50 and max of several runs, with the ratio to the 100 ms target. It starts its own console
 * (scripts/start.mjs: builds first when the sources changed) on HEARTH_BENCH_PORT (3302) with an
 * empty database of its own, and stops it at the end.
 *
 *   HEARTH_DIST_DIR=.next-<you> npx tsx bench/designer-browser.ts [resources]
 *
 * HEARTH_BENCH_PROFILE=<file.cpuprofile> also saves a CPU profile of the page during the keystrokes.
 */
import { spawn } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import { chromium, type Page } from "@playwright/test";
import ELK from "elkjs/lib/elk.bundled.js";
import { autoLayout } from "../components/designer/model/auto-layout";
import { setLayout } from "../components/designer/model/edits";
import { deriveModel } from "../components/designer/model/template-model";
import { benchTemplate } from "./designer-template";
import { median, positionalArgs, printTable, ratio } from "./support";

const PORT = Number(process.env.HEARTH_BENCH_PORT || 3302);
const BASE = `http://127.0.0.1:${PORT}`;
const RESOURCES = Number(positionalArgs()[0] || 200);
const RUNS = 15;
const TARGET_MS = 100;
const ADMIN = { user: "admin", password: "bench-admin-secret" };

/** Starts the console and waits until it answers. */
async function startConsole(): Promise<() => void> {
  const db = `data/bench-designer-${PORT}.db`;
  for (const suffix of ["", "-journal", "-wal", "-shm"]) await rm(db + suffix, { force: true });
  const server = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(PORT), HOSTNAME: "127.0.0.1", DATABASE_URL: `file:./${db}`, HEARTH_DEMO: "0", HEARTH_BOOTSTRAP_PASSWORD: ADMIN.password, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    // Its whole process group (start.mjs and the Next server); it may have ended already.
    if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  };
  for (let waited = 0; waited < 600_000; waited += 1000) {
    if (await fetch(`${BASE}/`, { redirect: "manual" }).then(() => true, () => false)) return stop;
    if (server.exitCode !== null) throw new Error(`bench: the console exited with ${server.exitCode}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  stop();
  throw new Error(`bench: the console did not answer on ${BASE}`);
}

/** Opens the designer (logging in first when the console asks) with `text` pasted into Monaco. */
async function openDesigner(page: Page, text: string): Promise<void> {
  await page.goto(`${BASE}/designer`);
  if (new URL(page.url()).pathname === "/login") {
    await page.getByTestId("login-user").fill(ADMIN.user);
    await page.getByTestId("login-password").fill(ADMIN.password);
    await page.getByTestId("login-submit").click();
    await page.waitForURL((url) => url.pathname !== "/login");
    await page.goto(`${BASE}/designer`);
  }
  const editor = page.locator("[data-testid=designer-yaml] .monaco-editor");
  await editor.waitFor({ timeout: 60_000 });
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  await page.locator('[data-testid=design-node][data-resource-name="server_0"]').waitFor({ timeout: 60_000 });
}

/**
 * Milliseconds from pressing `key` to the frame after the DOM under `root` changes (and, with `node`, once
 * the canvas node of that name is there).
 */
async function keyUntil(page: Page, key: string, root: string, node?: string): Promise<number> {
  await page.evaluate(
    ([k, r, n]) => {
      const w = window as unknown as { benchMs?: number };
      w.benchMs = undefined;
      let pressed = 0;
      const onKey = (e: KeyboardEvent) => {
        if (e.key === k) pressed = e.timeStamp;
      };
      document.addEventListener("keydown", onKey, { capture: true });
      const seen = new MutationObserver(() => {
        if (!pressed || (n && !document.querySelector(`[data-testid=design-node][data-resource-name="${n}"]`))) return;
        seen.disconnect();
        document.removeEventListener("keydown", onKey, { capture: true });
        requestAnimationFrame(() => (w.benchMs = performance.now() - pressed));
      });
      seen.observe(document.querySelector(r)!, { childList: true, subtree: true, characterData: true });
    },
    [key, root, node ?? ""],
  );
  await page.keyboard.press(key);
  await page.waitForFunction(() => (window as unknown as { benchMs?: number }).benchMs !== undefined);
  return page.evaluate(() => (window as unknown as { benchMs: number }).benchMs);
}

/** Milliseconds from pressing `key` to the frame after the node `name` appears on the canvas. */
const keyToNode = (page: Page, key: string, name: string) => keyUntil(page, key, "body", name);

/** Milliseconds from pressing `key` in Monaco to the frame after Monaco's own lines show it. */
const keyToEcho = (page: Page, key: string) => keyUntil(page, key, "[data-testid=designer-yaml] .view-lines");

/** Milliseconds from a palette drop on the canvas to the frame after Monaco holds the new text. */
async function dropToText(page: Page, type: string, x: number, y: number): Promise<number> {
  return page.evaluate(
    ([t, px, py]) =>
      new Promise<number>((resolve) => {
        const yaml = document.querySelector<HTMLElement>("[data-testid=designer-yaml]")!;
        const before = yaml.dataset.revision;
        const item = document.querySelector(`[data-testid=palette-item][data-type="${t}"]`)!;
        const pane = document.querySelector(".react-flow__pane")!;
        const box = document.querySelector("[data-testid=design-canvas]")!.getBoundingClientRect();
        const data = new DataTransfer();
        const at = { clientX: box.x + Number(px), clientY: box.y + Number(py), dataTransfer: data, bubbles: true, cancelable: true };
        const seen = new MutationObserver(() => {
          if (yaml.dataset.revision === before) return;
          seen.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        seen.observe(yaml, { attributes: true, attributeFilter: ["data-revision"] });
        const start = performance.now();
        item.dispatchEvent(new DragEvent("dragstart", { dataTransfer: data, bubbles: true }));
        pane.dispatchEvent(new DragEvent("dragover", at));
        pane.dispatchEvent(new DragEvent("drop", at));
      }),
    [type, x, y] as const,
  );
}

/** "p50 / max" cells and the ratio of the p50 to the target. */
function summary(label: string, times: number[]): string[] {
  const p50 = median(times);
  return [label, String(times.length), p50.toFixed(1), Math.max(...times).toFixed(1), ratio(p50, TARGET_MS)];
}

const text = benchTemplate(RESOURCES);
const layout = await autoLayout(deriveModel(text), (g) => new ELK().layout(g));
const stop = await startConsole();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx names the functions it compiles with a helper the page does not have.
  await page.addInitScript("window.__name = (f) => f");
  await openDesigner(page, setLayout(text, layout));
  const keys: number[] = [];
  const editor = page.locator("[data-testid=designer-yaml] .monaco-editor");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+End");
  const profiler = process.env.HEARTH_BENCH_PROFILE ? await page.context().newCDPSession(page) : undefined;
  await profiler?.send("Profiler.enable");
  await profiler?.send("Profiler.start");
  for (let i = 0; i < RUNS; i++) {
    // A new line `  typed_<i>:`; the colon makes it a resource.
    await page.keyboard.press("Enter");
    await page.keyboard.press("Shift+Home");
    await page.keyboard.type(`  typed_${i}`);
    keys.push(await keyToNode(page, ":", `typed_${i}`));
  }
  // A letter in a value: Monaco draws it; the canvas has nothing to redraw.
  const echoes: number[] = [];
  await page.keyboard.type(" {type: OS::Nova::Server, properties: {name: a");
  for (let i = 0; i < RUNS; i++) echoes.push(await keyToEcho(page, "b"));
  // Closed again, so the drops below edit a template that parses.
  await page.keyboard.type("}}");
  if (profiler) {
    const { profile } = await profiler.send("Profiler.stop");
    await writeFile(process.env.HEARTH_BENCH_PROFILE!, JSON.stringify(profile));
  }
  const drops: number[] = [];
  for (let i = 0; i < RUNS; i++) drops.push(await dropToText(page, "OS::Cinder::Volume", 60 + 20 * i, 60));
  const nodes = await page.locator("[data-testid=design-node]").count();
  const rows = [summary(`key -> canvas node (${nodes} nodes drawn)`, keys), summary("key -> its character in Monaco", echoes), summary("drop -> text in Monaco", drops)];
  const head = [`${RESOURCES} resources, chromium`, "runs", "p50 ms", "max ms", "p50 /100 ms"];
  printTable(head, rows);
} finally {
  await browser.close();
  stop();
}
