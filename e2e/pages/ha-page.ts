import type { Locator, Page } from "@playwright/test";

/** Page object of a stack's HA page (/stacks/[id]/ha). */
export class HaPage {
  constructor(readonly page: Page) {}

  /** Opens the HA page of a stack (id or name) and waits for the event stream. */
  async goto(stack: string): Promise<void> {
    await this.page.goto(`/stacks/${encodeURIComponent(stack)}/ha`);
    await this.page.locator('[data-testid="stream-state"][data-state="live"]').waitFor();
  }

  /** The section of one HA group (by its FailoverPolicy's name). */
  group(policy: string): Locator {
    return this.page.locator(`[data-testid="ha-group"][data-policy="${policy}"]`);
  }

  /** Member rows of a group with a role ("active" / "standby"). */
  members(policy: string, role: "active" | "standby"): Locator {
    return this.group(policy).locator(`[data-testid="member-row"][data-role="${role}"]`);
  }

  /** Name of the group's active member. */
  async activeMember(policy: string): Promise<string> {
    return (await this.members(policy, "active").getAttribute("data-member")) ?? "";
  }

  /** The group's (first) volume. */
  volume(policy: string): Locator {
    return this.group(policy).getByTestId("volume").first();
  }

  /** The failover runs, newest first. */
  runs(policy: string): Locator {
    return this.group(policy).getByTestId("failover-run");
  }

  /** The open confirmation dialog. */
  get dialog(): Locator {
    return this.page.locator('[data-testid="confirm-dialog"][open]');
  }

  /** Writes a check record on the volume and returns its checksum text. */
  async writeCheck(policy: string): Promise<string> {
    const checksum = this.volume(policy).getByTestId("volume-checksum");
    const before = (await checksum.count()) ? await checksum.textContent() : null;
    await this.group(policy).getByTestId("write-check").click();
    await this.page.waitForFunction(
      ([p, old]) => {
        const el = document.querySelector(`[data-testid="ha-group"][data-policy="${p}"] [data-testid="volume-checksum"]`);
        return el !== null && el.textContent !== old;
      },
      [policy, before] as const,
    );
    return (await checksum.textContent()) ?? "";
  }

  /**
   * Starts recording, in the page, how many steps of the newest failover were done each time the
   * page changed; `stepCounts` reads the distinct counts seen (streamed steps show several).
   */
  async recordSteps(policy: string): Promise<void> {
    await this.page.evaluate((p) => {
      const seen = new Set<number>();
      (window as unknown as { __haSteps: Set<number> }).__haSteps = seen;
      const count = () => document.querySelectorAll(`[data-testid="ha-group"][data-policy="${p}"] [data-testid="failover-run"]:first-child [data-done="true"]`).length;
      new MutationObserver(() => seen.add(count())).observe(document.body, { subtree: true, childList: true, attributes: true });
    }, policy);
  }

  /** The distinct done-step counts recorded since recordSteps. */
  async stepCounts(): Promise<number[]> {
    return this.page.evaluate(() => [...(window as unknown as { __haSteps: Set<number> }).__haSteps].sort((a, b) => a - b));
  }
}
