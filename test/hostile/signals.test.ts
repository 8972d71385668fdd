/**
 * Hostile signal URLs: other spellings of a valid signature, bodies sent with forged tokens (never
 * read) and oversized bodies (refused as soon as the limit is passed, nothing delivered).
 */
import { describe, expect, it } from "vitest";
import { handleSignalPost, SIGNAL_BODY_LIMIT } from "../../lib/console/signal-post";
import { signToken, verifyToken } from "../../lib/services/ha/presign";
import { createSignalDispatcher } from "../../lib/services/ha/signal-urls";

const SECRET = "test-secret";
const TARGET = { stackId: "stack-1", resource: "policy", action: "signal" };

/** Every other way a base64url decoder would read the same signature bytes. */
function respellings(token: string): string[] {
  const [payload, signature] = token.split(".");
  const last = signature.at(-1)!;
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  // 32 bytes in 43 characters: the last one carries 4 bits, so 4 characters decode alike
  const sameBits = [...alphabet].filter((c) => c !== last && alphabet.indexOf(c) >> 2 === alphabet.indexOf(last) >> 2);
  return [
    ...sameBits.map((c) => `${payload}.${signature.slice(0, -1)}${c}`),
    `${payload}.${signature}=`,
    `${payload}.${signature}==`,
    `${payload}.${signature.replaceAll("-", "+").replaceAll("_", "/")}`,
    `${payload}.${signature.slice(0, 10)}*${signature.slice(10)}`,
    `${payload}.${signature} `,
  ].filter((t) => t !== token);
}

describe("signal signatures have one spelling", () => {
  it("accepts the token it made and refuses every other spelling of its signature", () => {
    const token = signToken(SECRET, TARGET);
    expect(verifyToken(SECRET, token)).toEqual(TARGET);
    const others = respellings(token);
    expect(others.length).toBeGreaterThanOrEqual(6);
    for (const other of others) expect(() => verifyToken(SECRET, other), other).toThrow(/signature does not match/);
  });
});

describe("POST /api/signals/:token", () => {
  /** A dispatcher under SECRET recording what it delivers, and a body stream recording whether it was read. */
  function setup(bodyBytes: number) {
    const delivered: unknown[] = [];
    const dispatcher = createSignalDispatcher(SECRET, async (stackId, resource, details) => void delivered.push({ stackId, resource, details }));
    const read = { pulled: false };
    const chunk = new TextEncoder().encode(`{"pad":"${"x".repeat(Math.max(0, bodyBytes - 10))}"}`);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        read.pulled = true;
        controller.enqueue(chunk);
        controller.close();
      },
    }, { highWaterMark: 0 }); // nothing is pulled until someone reads
    const request = new Request("http://hearth.test/api/signals/t", { method: "POST", body, duplex: "half" } as RequestInit);
    return { hearth: { signalByToken: dispatcher.byToken }, delivered, read, request };
  }

  it("refuses a forged token with 403 before reading the body", async () => {
    const { hearth, delivered, read, request } = setup(100);
    const forged = `${signToken(SECRET, TARGET).split(".")[0]}.${"A".repeat(43)}`;
    const answer = await handleSignalPost(hearth, forged, request);
    expect(answer.status).toBe(403);
    expect(await answer.json()).toEqual({ error: "Signal URL refused: the token is malformed or its signature does not match" });
    expect(read.pulled).toBe(false);
    expect(delivered).toEqual([]);
  });

  it("refuses a body over the limit with 413, delivering nothing, and delivers one within it", async () => {
    const big = setup(SIGNAL_BODY_LIMIT + 1);
    const answer = await handleSignalPost(big.hearth, signToken(SECRET, TARGET), big.request);
    expect(answer.status).toBe(413);
    expect((await answer.json()).error).toBe(`The signal body is too large (over ${SIGNAL_BODY_LIMIT} bytes): the limit is ${SIGNAL_BODY_LIMIT} bytes.`);
    expect(big.delivered).toEqual([]);
    const declared = new Request("http://hearth.test/api/signals/t", { method: "POST", body: "{}", headers: { "content-length": String(10 * SIGNAL_BODY_LIMIT) } });
    expect((await handleSignalPost(big.hearth, signToken(SECRET, TARGET), declared)).status).toBe(413);

    const small = setup(100);
    expect((await handleSignalPost(small.hearth, signToken(SECRET, TARGET), small.request)).status).toBe(200);
    expect(small.delivered).toHaveLength(1);
  });
});
