/**
 * Cross-region revocation (docs/federation.md): every long-running engine of a region pulls, every
 * `intervalMs`, the revocation events of each other region's Keystone (GET
 * /identity/v3/OS-REVOKE/events?since=) and hands the new ones to `learn` (stored as revoked token
 * rows, which validation refuses). A region lists the revocations it learned as well as its own, so
 * a revocation reaches every region that can reach any region holding it; a region that does not
 * answer is asked again at the next tick from where its last answer ended.
 */
import type { Federation, RegionEndpoint } from "./catalog";
import { startTicker, type Ticker } from "./ticker";

/** One revocation as the regions exchange it: the SHA-256 of the token (never the token), when it was revoked and when the token ends. */
export interface RevocationEvent {
  hash: string;
  revokedAt: string;
  expiresAt: string;
}

/** Settings of the sync. */
export interface RevocationSyncOptions {
  /** A token the other regions accept for their revocation events (a signed trust token of this region's Heat). */
  token(): Promise<string>;
  /** Stores revocations another region holds; answers how many were new here. */
  learn(events: RevocationEvent[]): Promise<number>;
  intervalMs: number;
  /** Longest wait for one region's answer (default 5 s). */
  requestTimeoutMs?: number;
  onError?(error: unknown, region: string): void;
}

/** What one tick pulled. */
export interface SyncResult {
  /** Regions that answered, and those that did not (or answered an error). */
  answered: string[];
  failed: string[];
  learned: number;
}

/** The pull of one region's revocations into this one. */
export class RevocationSync {
  /** Region -> the revoked_at its last answer ended at (the next pull starts there, inclusive). */
  private readonly cursors = new Map<string, string>();
  private ticker: Ticker | undefined;

  constructor(
    private readonly federation: Federation,
    private readonly options: RevocationSyncOptions,
  ) {}

  /** Pulls from every other region at once. */
  async tick(): Promise<SyncResult> {
    const result: SyncResult = { answered: [], failed: [], learned: 0 };
    const others = this.federation.regions.filter((r) => r.name !== this.federation.self.name);
    await Promise.all(
      others.map(async (region) => {
        try {
          result.learned += await this.pull(region);
          result.answered.push(region.name);
        } catch (error) {
          result.failed.push(region.name);
          this.options.onError?.(error, region.name);
        }
      }),
    );
    return result;
  }

  /** One region's events since its cursor, learned; answers how many were new. */
  private async pull(region: RegionEndpoint): Promise<number> {
    const since = this.cursors.get(region.name) ?? "";
    const response = await fetch(`${region.identity}/v3/OS-REVOKE/events?since=${encodeURIComponent(since)}`, {
      headers: { accept: "application/json", "x-auth-token": await this.options.token() },
      signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 5000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Region ${region.name} (${region.identity}) answered ${response.status} to the revocation pull: ${text.slice(0, 200)}`);
    const events = ((JSON.parse(text) as { events?: { audit_id: string; revoked_at: string; expires_at: string }[] }).events ?? []).map((e) => ({ hash: e.audit_id, revokedAt: e.revoked_at, expiresAt: e.expires_at }));
    const learned = events.length ? await this.options.learn(events) : 0;
    const last = events.at(-1)?.revokedAt;
    if (last && last > since) this.cursors.set(region.name, last);
    return learned;
  }

  /** Starts pulling every `intervalMs` (the first pull at once). */
  start(): void {
    this.ticker ??= startTicker(this.options.intervalMs, () => this.tick(), (error) => this.options.onError?.(error, "every region"));
  }

  /** Stops pulling (waits for a pull under way). */
  async stop(): Promise<void> {
    await this.ticker?.stop();
    this.ticker = undefined;
  }
}
