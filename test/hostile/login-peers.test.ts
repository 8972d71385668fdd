/**
 * Password guessing spread over peers: two Hearth instances (two console or engine processes, issue
 * 11) on one database share one login budget per user and per address, on SQLite and PostgreSQL.
 * Guesses sent to both at once get exactly 5 answers between them, then 429s; an address that guessed
 * on one peer is refused on the other. (With counts in each process's memory, every peer gave 5.)
 */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createHearth } from "../../lib/services";
import type { Hearth } from "../../lib/services/types";
import { startTestPostgres } from "../../lib/store/testing/postgres";
import { tempDatabaseFile } from "../../lib/store/testing/temp-database";

const postgres = await startTestPostgres();
afterAll(() => postgres?.stop());
const ROOT = path.resolve(import.meta.dirname, "../..");

/** Two Hearths (owners peer-a and peer-b) on a fresh database of `kind`, and how to close and remove them. */
async function peers(kind: "SQLite" | "PostgreSQL"): Promise<{ a: Hearth; b: Hearth; close(): Promise<void> }> {
  const place = kind === "PostgreSQL" ? await postgres!.createDatabase() : tempDatabaseFile("hearth-login-peers-");
  const open = (owner: string) => createHearth({ databaseUrl: place.url, root: ROOT, owner, simSpeed: 0, haMonitor: false, sweepMs: 0, bootstrapPassword: "admin-pw" });
  const a = await open("peer-a");
  const b = await open("peer-b");
  return {
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      await ("drop" in place ? place.drop() : place.remove());
    },
  };
}

/** The error code of a password login on `hearth` (undefined when it succeeds). */
const login = (hearth: Hearth, user: string, password: string, address: string) =>
  hearth.identity.authenticate({ method: "password", user, password }, undefined, { address }).then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );

for (const kind of ["SQLite", "PostgreSQL"] as const) {
  describe.skipIf(kind === "PostgreSQL" && !postgres)(`the login throttle across two peers on ${kind}`, () => {
    it("gives guesses sent to both peers at once 5 answers in all, then refuses the user on either", async () => {
      const { a, b, close } = await peers(kind);
      try {
        await a.identity.createUser("alice", "right");
        const codes = await Promise.all(Array.from({ length: 12 }, (_, i) => login(i % 2 ? b : a, "alice", "guess", `198.51.100.${i}`)));
        expect(codes.filter((code) => code === "Unauthorized")).toHaveLength(5);
        expect(codes.filter((code) => code === "TooManyRequests")).toHaveLength(7);
        await expect(login(a, "alice", "right", "198.51.100.200")).resolves.toBe("TooManyRequests");
        await expect(login(b, "alice", "right", "198.51.100.201")).resolves.toBe("TooManyRequests");
      } finally {
        await close();
      }
    });

    it("refuses on one peer an address that used its tries on the other, and a success on one clears the user on both", async () => {
      const { a, b, close } = await peers(kind);
      try {
        for (const user of ["bob", "carol"]) await a.identity.createUser(user, "right");
        for (const user of ["bob", "carol", "nobody", "bob", "carol"]) await expect(login(a, user, "guess", "203.0.113.9")).resolves.toBe("Unauthorized");
        await expect(b.identity.authenticate({ method: "password", user: "nobody2", password: "x" }, undefined, { address: "203.0.113.9" })).rejects.toMatchObject({
          code: "TooManyRequests",
          message: expect.stringMatching(/^Too many failed logins for address 203\.0\.113\.9 \(5 in 60 s\): try again in (5\d|60) s\.$/),
        });
        // bob failed twice (on a); two more on b make four; a success on b clears them, so four more on a are answered
        for (let i = 0; i < 2; i++) await expect(login(b, "bob", "guess", "192.0.2.1")).resolves.toBe("Unauthorized");
        await expect(login(b, "bob", "right", "192.0.2.2")).resolves.toBeUndefined();
        for (let i = 0; i < 4; i++) await expect(login(a, "bob", "guess", "192.0.2.3")).resolves.toBe("Unauthorized");
        await expect(login(b, "bob", "guess", "192.0.2.4")).resolves.toBe("Unauthorized");
        await expect(login(a, "bob", "right", "192.0.2.5")).resolves.toBe("TooManyRequests");
      } finally {
        await close();
      }
    });
  });
}
