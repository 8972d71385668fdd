import type { Locator, Page } from "@playwright/test";

/** The row actions of the stacks list. */
export type RowAction = "update" | "check" | "suspend" | "resume" | "cancel" | "delete";

/** Page object of the stacks list (/). */
export class StacksPage {
  constructor(readonly page: Page) {}

  /** Opens the list, optionally with a query (e.g. "?q=web"). */
  async goto(query = ""): Promise<void> {
    await this.page.goto(`/${query}`);
  }

  /** The row of the stack with this name. */
  row(name: string): Locator {
    return this.page.locator(`[data-testid="stack-row"][data-stack-name="${name}"]`);
  }

  /** Every stack row shown. */
  get rows(): Locator {
    return this.page.getByTestId("stack-row");
  }

  /** The status badge in a stack's row. */
  status(name: string): Locator {
    return this.row(name).getByTestId("status");
  }

  /** A row's action button (or link, for update). */
  action(name: string, action: RowAction): Locator {
    return this.row(name).getByTestId(`action-${action}`);
  }

  /** The empty-state panel. */
  get empty(): Locator {
    return this.page.getByTestId("stacks-empty");
  }

  /** The name search box. */
  get search(): Locator {
    return this.page.getByTestId("filter-search");
  }

  /** The status and region filters. */
  filter(which: "status" | "region"): Locator {
    return this.page.getByTestId(`filter-${which}`);
  }

  /** The confirmation dialog of delete and cancel. */
  get dialog(): Locator {
    return this.page.getByTestId("confirm-dialog");
  }

  /** The live region announcing status changes. */
  get announcer(): Locator {
    return this.page.getByTestId("list-announcer");
  }
}
