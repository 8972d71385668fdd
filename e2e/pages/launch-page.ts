import type { Locator, Page } from "@playwright/test";

/** Page object of /launch. */
export class LaunchPage {
  constructor(readonly page: Page) {}

  /** Opens the Launch page. */
  async goto(): Promise<void> {
    await this.page.goto("/launch");
    // Typing before hydration would be lost: wait until React owns the form.
    await this.page.locator('[data-testid="launch-form"][data-ready="true"]').waitFor();
  }

  /** Loads a template through the file input. */
  async uploadTemplate(file: string): Promise<void> {
    await this.page.getByTestId("template-file").setInputFiles(file);
  }

  /** Replaces the template text. */
  async typeTemplate(text: string): Promise<void> {
    await this.page.getByTestId("template-text").fill(text);
  }

  /** Clicks Validate and waits for the answer. */
  async validate(): Promise<void> {
    const state = this.page.getByTestId("validate-state");
    const before = Number(await state.getAttribute("data-validations"));
    await this.page.getByTestId("validate").click();
    await this.page.locator(`[data-testid="validate-state"][data-validations="${before + 1}"][aria-busy="false"]`).waitFor();
  }

  /** A parameter's input (text, number, password, select). */
  parameter(name: string): Locator {
    return this.page.getByTestId(`param-${name}`);
  }

  /** The engine's messages under a parameter. */
  parameterError(name: string): Locator {
    return this.page.getByTestId(`param-error-${name}`);
  }

  /** Every listed diagnostic. */
  get diagnostics(): Locator {
    return this.page.getByTestId("diagnostic");
  }

  /** Fills in stack name and options. */
  async setStack(options: { name: string; region?: string; rollback?: boolean; timeout?: number }): Promise<void> {
    await this.page.getByTestId("stack-name").fill(options.name);
    if (options.region) await this.page.getByTestId("stack-region").selectOption(options.region);
    if (options.rollback) await this.page.getByTestId("stack-rollback").check();
    if (options.timeout) await this.page.getByTestId("stack-timeout").fill(String(options.timeout));
  }

  /** Loads an example from the gallery by its file name (e.g. multi-region-demo.yaml). */
  async pickExample(file: string): Promise<void> {
    await this.page.locator(`[data-testid="example"][data-file="${file}"]`).click();
  }

  /** Adds an environment file given as text. */
  async addEnvironment(name: string, text: string): Promise<void> {
    await this.page.getByTestId("environment-add").click();
    const entry = this.page.getByTestId("environment").last();
    await entry.getByTestId("environment-name").fill(name);
    await entry.getByTestId("environment-text").fill(text);
  }

  /** Clicks Preview and returns the preview section. */
  async preview(): Promise<Locator> {
    await this.page.getByTestId("preview-button").click();
    return this.page.getByTestId("preview");
  }

  /** The preview's table of one region. */
  previewRegion(region: string): Locator {
    return this.page.locator(`[data-testid="preview-region"][data-region="${region}"]`);
  }

  /** Clicks Launch. */
  async launch(): Promise<void> {
    await this.page.getByTestId("launch").click();
  }
}
