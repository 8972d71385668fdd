/** What each end-to-end path of the benchmark offers: a create and a delete, timed as its user sees them. */

/** One way a user reaches Hearth (the CLI, the REST API, the console), measured end to end. */
export interface E2ePath {
  name: string;
  /** Creates stack `name` from `template` and waits until the create has ended; resolves to wall ms (rejects when it failed). */
  create(name: string, template: string): Promise<number>;
  /** Deletes stack `name` and waits until it is gone; resolves to wall ms. */
  delete(name: string): Promise<number>;
}

/**
 * Resolves once `done()` holds; rejects after `timeoutMs` naming `what`. It checks again after a
 * twentieth of the time waited so far (20 ms to 1 s), so the wait overshoots by about 5% at most and
 * the polling itself (each check is a request the server answers) never crowds out the work it waits for.
 */
export async function pollUntil(done: () => Promise<boolean>, what: string, timeoutMs = 600_000): Promise<void> {
  const start = Date.now();
  while (!(await done())) {
    const waited = Date.now() - start;
    if (waited > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, Math.max(20, waited / 20))));
  }
}
