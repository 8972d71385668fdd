import type { Locator } from "@playwright/test";
import { StackPage } from "./stack-page";

/** Page object of the stack detail page's richer parts: topology graph, root cause, timeline, template editor. */
export class StackDetailPage extends StackPage {
  /** The graph once laid out. */
  get graph(): Locator {
    return this.page.locator('[data-testid="topology-graph"][data-layout="ready"]');
  }

  /** A resource's node in the graph. */
  node(name: string): Locator {
    return this.page.locator(`[data-testid="graph-node"][data-resource-name="${name}"]`);
  }

  /** React Flow's focusable wrapper of a resource's node (what Tab reaches). */
  nodeWrapper(name: string): Locator {
    return this.page.locator(`.react-flow__node-resource[data-id="${name}"]`);
  }

  /** A region's group node. */
  region(name: string): Locator {
    return this.page.locator(`[data-testid="graph-region"][data-region="${name}"]`);
  }

  /** The panel with the details of the resource opened from the graph. */
  get details(): Locator {
    return this.page.getByTestId("resource-details");
  }

  /** The root cause panel of a failed stack. */
  get rootCause(): Locator {
    return this.page.getByTestId("root-cause");
  }

  /** The nested-stack breadcrumb of a child stack's page. */
  get breadcrumb(): Locator {
    return this.page.getByTestId("stack-breadcrumb");
  }

  /** Sequence numbers of the rows of the events tab, as shown. */
  async eventSeqs(): Promise<number[]> {
    const panel = await this.openTab("events");
    return panel.getByTestId("event-row").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-seq"))));
  }

  /** Opens the timeline (Gantt) tab. */
  async openTimeline(): Promise<Locator> {
    await this.page.getByTestId("tab-timeline").click();
    return this.page.getByTestId("panel-timeline");
  }

  /** The read-only Monaco editor's text lines, once Monaco has rendered them. */
  get editorLines(): Locator {
    return this.page.locator('[data-testid="template-editor"] .monaco-editor .view-lines');
  }
}
