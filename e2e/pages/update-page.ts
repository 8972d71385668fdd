import type { Locator, Page } from "@playwright/test";

/** Page object of a stack's update page (/stacks/[id]/update). */
export class UpdatePage {
  constructor(readonly page: Page) {}

  /** Waits until React owns the form (typing before hydration would be lost). */
  async ready(): Promise<void> {
    await this.page.locator('[data-testid="update-form"][data-ready="true"]').waitFor();
  }

  /** A parameter's input. */
  parameter(name: string): Locator {
    return this.page.getByTestId(`param-${name}`);
  }

  /** The template text. */
  get template(): Locator {
    return this.page.getByTestId("template-text");
  }

  /** Clicks "Preview changes" and returns the change table. */
  async preview(): Promise<Locator> {
    await this.page.getByTestId("preview-button").click();
    return this.page.getByTestId("update-preview");
  }

  /** One resource's row in the change table (data-kind: none, update, replace, create, delete). */
  change(resource: string): Locator {
    return this.page.locator(`[data-testid="change-row"][data-resource-name="${resource}"]`);
  }

  /** Clicks "Update stack". */
  async submit(): Promise<void> {
    await this.page.getByTestId("update-submit").click();
  }
}
