/** What each end-to-end path of the benchmark offers: a create and a delete, timed as its user sees them. */

/** One way a user reaches Hearth (the CLI, the REST API, the console), measured end to end. */
export interface E2ePath {
  name: string;
  /** Creates stack `name` from `template` and waits until the create has ended; resolves to wall ms (rejects when it failed). */
  create(name: string, template: string): Promise<number>;
  /** Deletes stack `name` and waits until it is gone; resolves to wall ms. */
  delete(name: string): Promise<number>;
}

/** Resolves once `done()` holds, checking every `everyMs`; rejects after `timeoutMs` naming `what`. */
export async function pollUntil(done: () => Promise<boolean>, what: string, everyMs = 20, timeoutMs = 600_000): Promise<void> {
  const start = Date.now();
  while (!(await done())) {
    if (Date.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
