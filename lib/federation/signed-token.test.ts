import { describe, expect, it } from "vitest";
import { tokenSigner, type SignedTokenClaims } from "./signed-token";

const claims: SignedTokenClaims = {
  kind: "user",
  user: "admin",
  project: "admin",
  roles: ["admin"],
  methods: ["password"],
  issuer: "RegionOne",
  issuedAt: "2026-01-01T00:00:00.000Z",
  expiresAt: "2026-01-01T01:00:00.000Z",
};

describe("tokenSigner", () => {
  it("verifies what it signed, under the same key only", () => {
    const token = tokenSigner("a".repeat(32)).sign(claims);
    expect(tokenSigner("a".repeat(32)).verify(token)).toEqual(claims);
    expect(tokenSigner("b".repeat(32)).verify(token)).toBeUndefined();
  });

  it("refuses a token whose claims were changed, and text that is not a signed token", () => {
    const signer = tokenSigner("a".repeat(32));
    const [prefix, , mac] = signer.sign(claims).split(".");
    const changed = Buffer.from(JSON.stringify({ ...claims, roles: ["admin", "member"], user: "root" })).toString("base64url");
    expect(signer.verify(`${prefix}.${changed}.${mac}`)).toBeUndefined();
    expect(signer.verify("not-a-token")).toBeUndefined();
    expect(signer.isSigned("abcdef")).toBe(false);
  });
});
