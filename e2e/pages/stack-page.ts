import type { Locator, Page } from "@playwright/test";

/** Page object of a stack's detail page (/stacks/[id]). */
export class StackPage {
  constructor(readonly page: Page) {}

  /** The stack's status badge (data-status holds e.g. CREATE_COMPLETE). */
  get status(): Locator {
    return this.page.getByTestId("stack-status");
  }

  /** The stack's status reason. */
  get reason(): Locator {
    return this.page.getByTestId("stack-status-reason");
  }

  /** The event stream's connection state. */
  get stream(): Locator {
    return this.page.getByTestId("stream-state");
  }

  /** A resource's row. */
  resource(name: string): Locator {
    return this.page.locator(`[data-testid="resource-row"][data-resource-name="${name}"]`);
  }

  /** A resource's status badge. */
  resourceStatus(name: string): Locator {
    return this.resource(name).getByTestId("resource-status");
  }

  /** Opens one of the tabs: resources, events, outputs, parameters, template. */
  async openTab(tab: "resources" | "events" | "outputs" | "parameters" | "template"): Promise<Locator> {
    await this.page.getByTestId(`tab-${tab}`).click();
    return this.page.getByTestId(`panel-${tab}`);
  }
}
