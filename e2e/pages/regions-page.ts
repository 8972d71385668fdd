import type { Locator, Page } from "@playwright/test";

/** Page object of the regions view (/regions). */
export class RegionsPage {
  constructor(readonly page: Page) {}

  /** Every region's row. */
  get rows(): Locator {
    return this.page.getByTestId("region-row");
  }

  /** The row of one region. */
  row(region: string): Locator {
    return this.page.locator(`[data-testid="region-row"][data-region="${region}"]`);
  }

  /** A region's reachability badge (data-state reachable / unreachable / available / offline). */
  reachability(region: string): Locator {
    return this.row(region).getByTestId("reachability");
  }

  /** The owned children listed in a region's section. */
  children(region: string): Locator {
    return this.page.locator(`[data-testid="region-children"][data-region="${region}"] [data-testid="owned-child"]`);
  }

  /** The line saying which region of a federation this console serves (or that it is in none). */
  get note(): Locator {
    return this.page.getByTestId("federation-note");
  }
}
