import { describe, expect, it } from "vitest";
import { createPresigner, signToken, SignalUrlRefused, tokenOfUrl, verifyToken } from "./presign";
import { createSignalDispatcher } from "./signal-urls";

const target = { stackId: "s-1", resource: "policy", action: "alarm" };

describe("pre-signed signal URLs", () => {
  it("round-trips a target through a URL made with the secret", () => {
    const url = createPresigner("k1", "http://h:3000").url(target);
    expect(url.startsWith("http://h:3000/api/signals/")).toBe(true);
    expect(verifyToken("k1", tokenOfUrl(url)!)).toEqual(target);
  });

  it("refuses another secret, a changed payload, garbage and extra parts", () => {
    const token = signToken("k1", target);
    expect(() => verifyToken("k2", token)).toThrow(SignalUrlRefused);
    const [, sig] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify(["s-1", "other", "alarm"])).toString("base64url")}.${sig}`;
    expect(() => verifyToken("k1", forged)).toThrow(/signature does not match/);
    expect(() => verifyToken("k1", "nonsense")).toThrow(SignalUrlRefused);
    expect(() => verifyToken("k1", `${token}.x`)).toThrow(SignalUrlRefused);
  });

  it("finds tokens only under /api/signals/", () => {
    expect(tokenOfUrl("http://x/api/signals/abc")).toBe("abc");
    expect(tokenOfUrl("http://x/api/other/abc")).toBeUndefined();
    expect(tokenOfUrl("not a url")).toBeUndefined();
  });

  it("dispatches verified URLs and nothing else", async () => {
    const delivered: unknown[] = [];
    const dispatch = createSignalDispatcher("k1", async (...args) => void delivered.push(args));
    await dispatch.byUrl(createPresigner("k1", "http://h").url(target), { current: "alarm" });
    expect(delivered).toEqual([["s-1", "policy", { current: "alarm" }]]);
    await expect(dispatch.byUrl("http://evil/hook", {})).rejects.toThrow(SignalUrlRefused);
    await expect(dispatch.byUrl("http://evil/hook", {})).rejects.toMatchObject({ code: "SignalUrlRefused" });
    await expect(dispatch.byUrl(createPresigner("k2", "http://h").url(target), {})).rejects.toThrow(SignalUrlRefused);
    expect(delivered).toHaveLength(1);
  });
});
