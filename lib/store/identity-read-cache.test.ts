import { describe, expect, it } from "vitest";
import { cacheIdentityReads } from "./identity-read-cache";
import type { IdentityStore, TokenRow } from "./ports";

const TOKEN: TokenRow = { hash: "h", userId: "u", projectId: "p", issuedAt: "2026-01-01T00:00:00.000Z", expiresAt: "2027-01-01T00:00:00.000Z", revokedAt: null };

/** A store whose token lookups and revocations are counted; `gate` holds a revocation until released. */
function fakeStore() {
  const calls = { findToken: 0, revokeToken: 0 };
  let row: TokenRow | undefined = { ...TOKEN };
  let fail = false;
  let release: (() => void) | undefined;
  const store = {
    async findToken() {
      calls.findToken++;
      if (fail) throw new Error("database gone");
      return row && { ...row };
    },
    async revokeToken(_hash: string, at: string) {
      calls.revokeToken++;
      await new Promise<void>((resolve) => (release = resolve));
      if (row) row = { ...row, revokedAt: at };
      return true;
    },
  } as unknown as IdentityStore;
  return { store, calls, failNext: (value: boolean) => (fail = value), release: () => release?.() };
}

describe("cacheIdentityReads", () => {
  it("serves a repeated lookup from the cache within the TTL, as a copy, and reads again after it", async () => {
    let now = 0;
    const fake = fakeStore();
    const store = cacheIdentityReads(fake.store, 1000, () => now);
    const first = await store.findToken("h");
    first!.userId = "changed by a caller";
    expect(await store.findToken("h")).toEqual(TOKEN);
    expect(fake.calls.findToken).toBe(1);
    now = 1000;
    await store.findToken("h");
    expect(fake.calls.findToken).toBe(2);
  });

  it("empties the cache on any other call, and again when it settles, so this process reads its own writes", async () => {
    const fake = fakeStore();
    const store = cacheIdentityReads(fake.store, 60_000, () => 0);
    await store.findToken("h");
    const revoking = store.revokeToken("h", "2026-06-01T00:00:00.000Z");
    // read while the write runs: it may see the row before the write...
    expect((await store.findToken("h"))?.revokedAt).toBeNull();
    fake.release();
    await revoking;
    // ...but is not served once the write is done
    expect((await store.findToken("h"))?.revokedAt).toBe("2026-06-01T00:00:00.000Z");
    expect(fake.calls.findToken).toBe(3);
  });

  it("does not remember a failed lookup", async () => {
    const fake = fakeStore();
    const store = cacheIdentityReads(fake.store, 60_000, () => 0);
    fake.failNext(true);
    await expect(store.findToken("h")).rejects.toThrow("database gone");
    fake.failNext(false);
    expect(await store.findToken("h")).toEqual(TOKEN);
    expect(fake.calls.findToken).toBe(2);
  });
});
