import type { Locator, Page } from "@playwright/test";

/** Page object of /designer: palette, canvas, YAML editor, toolbar and panels. */
export class DesignerPage {
  constructor(readonly page: Page) {}

  /** Opens the designer (a saved template with `id`) and waits for the canvas and the editor. */
  async goto(id?: string): Promise<void> {
    await this.page.goto(id ? `/designer?id=${id}` : "/designer");
    await this.canvas.waitFor();
    await this.page.locator("[data-testid=designer-yaml] .monaco-editor").waitFor();
  }

  get canvas(): Locator {
    return this.page.getByTestId("design-canvas");
  }

  /** A resource node on the canvas. */
  node(name: string): Locator {
    return this.page.locator(`[data-testid=design-node][data-resource-name="${name}"]`);
  }

  /** A region box on the canvas. */
  region(name: string): Locator {
    return this.page.locator(`[data-testid=region-box][data-region="${name}"]`);
  }

  get message(): Locator {
    return this.page.getByTestId("designer-message");
  }

  /** Drags a palette type onto the canvas at a point (canvas-relative pixels). */
  async dropType(type: string, x: number, y: number): Promise<void> {
    const box = (await this.canvas.boundingBox())!;
    const item = this.page.locator(`[data-testid=palette-item][data-type="${type}"]`);
    const data = await this.page.evaluateHandle(() => new DataTransfer());
    await item.dispatchEvent("dragstart", { dataTransfer: data });
    const pane = this.page.locator(".react-flow__pane");
    await pane.dispatchEvent("dragover", { dataTransfer: data, clientX: box.x + x, clientY: box.y + y });
    await pane.dispatchEvent("drop", { dataTransfer: data, clientX: box.x + x, clientY: box.y + y });
  }

  /** Draws an edge from one node's bottom handle to another's top handle. */
  async connect(from: string, to: string): Promise<void> {
    const source = this.node(from).locator(".react-flow__handle-bottom");
    const target = this.node(to).locator(".react-flow__handle-top");
    await source.hover();
    await this.page.mouse.down();
    const t = (await target.boundingBox())!;
    await this.page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Drags a node by (dx, dy) pixels. */
  async dragNode(name: string, dx: number, dy: number): Promise<void> {
    const b = (await this.node(name).boundingBox())!;
    await this.page.mouse.move(b.x + b.width / 2, b.y + 12);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x + b.width / 2 + dx, b.y + 12 + dy, { steps: 10 });
    await this.page.mouse.up();
  }

  /** The template's whole text, as Export downloads it (the same text the editor holds). */
  async yaml(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByTestId("designer-export").click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  /** Replaces the editor's text by pasting it (typing would be re-indented by the editor). */
  async setYaml(text: string): Promise<void> {
    await this.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.page.locator("[data-testid=designer-yaml] .monaco-editor").click();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.press("ControlOrMeta+V");
  }

  /** Types one line at the end of the template, key by key. */
  async typeAtEnd(line: string): Promise<void> {
    await this.page.locator("[data-testid=designer-yaml] .monaco-editor").click();
    await this.page.keyboard.press("ControlOrMeta+End");
    await this.page.keyboard.type(line);
  }

  /** A row of the editor's completion list showing `label`. */
  suggestion(label: string): Locator {
    return this.page.locator(".suggest-widget .monaco-list-row", { hasText: label }).first();
  }

  async save(): Promise<void> {
    await this.page.getByTestId("designer-save").click();
  }

  /** Focuses the canvas (not the YAML pane) and presses keys there, e.g. "ControlOrMeta+C". */
  async pressOnCanvas(...keys: string[]): Promise<void> {
    await this.canvas.focus();
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** The system clipboard's text (clipboard permissions granted to the page's context). */
  async clipboard(): Promise<string> {
    await this.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Puts text on the system clipboard, as another application would. */
  async setClipboard(text: string): Promise<void> {
    await this.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  }

  /** An edge's label on the canvas. */
  edgeLabel(text: string): Locator {
    return this.page.locator(".react-flow__edge-text", { hasText: text });
  }

  /** Selects a region box by clicking its title bar. */
  async selectRegion(name: string): Promise<void> {
    await this.region(name).click({ position: { x: 12, y: 8 } });
  }
}
