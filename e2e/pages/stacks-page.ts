import type { Locator, Page } from "@playwright/test";

/** Page object of the stacks list (/). */
export class StacksPage {
  constructor(readonly page: Page) {}

  /** Opens the list. */
  async goto(): Promise<void> {
    await this.page.goto("/");
  }

  /** The row of the stack with this name. */
  row(name: string): Locator {
    return this.page.locator(`[data-testid="stack-row"][data-stack-name="${name}"]`);
  }

  /** The status badge in a stack's row. */
  status(name: string): Locator {
    return this.row(name).getByTestId("status");
  }

  /** The empty-state panel. */
  get empty(): Locator {
    return this.page.getByTestId("stacks-empty");
  }
}
