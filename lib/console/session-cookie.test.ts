import { describe, expect, it } from "vitest";
import { accessOf, gateOf, loginMessage, loginUrl, safeNext, sessionCookie, SESSION_COOKIE } from "./session-cookie";

describe("gateOf", () => {
  it("leaves login, the Heat API, identity, signed signal URLs and Next's assets public", () => {
    for (const path of ["/login", "/heat-api/v1/admin/stacks", "/identity/v3/auth/tokens", "/api/signals/abc", "/_next/static/x.js", "/favicon.ico"]) {
      expect(gateOf(path), path).toBe("public");
    }
  });

  it("gates the console's routes with 401 and its pages with the login page", () => {
    expect(gateOf("/api/events")).toBe("route");
    expect(gateOf("/api/stacks/s1/events")).toBe("route");
    expect(gateOf("/api/signals")).toBe("public");
    for (const path of ["/", "/launch", "/stacks/s1", "/stacks/s1/ha", "/designer", "/loginx", "/identityx"]) expect(gateOf(path), path).toBe("page");
  });
});

describe("safeNext and loginUrl", () => {
  it("only comes back to console pages of this site", () => {
    expect(safeNext("/stacks/s1?tab=events")).toBe("/stacks/s1?tab=events");
    for (const bad of [undefined, null, "", "https://evil.example/", "//evil.example/x", "/\\evil.example", "/login?next=/", "/api/events", "stacks"]) {
      expect(safeNext(bad), String(bad)).toBe("/");
    }
  });

  it("carries where to go back to and why", () => {
    expect(loginUrl("/launch")).toBe("/login?next=%2Flaunch");
    expect(loginUrl("/stacks/s1", "expired")).toBe("/login?next=%2Fstacks%2Fs1&reason=expired");
    expect(loginUrl("/", "logged-out")).toBe("/login?reason=logged-out");
    expect(loginUrl(null)).toBe("/login");
  });

  it("names known reasons only", () => {
    expect(loginMessage("expired")).toMatch(/session has ended/);
    expect(loginMessage("logged-out")).toMatch(/logged out/);
    expect(loginMessage("toString")).toBeUndefined();
    expect(loginMessage(undefined)).toBeUndefined();
  });
});

describe("sessionCookie", () => {
  it("is httpOnly, SameSite=Lax, site-wide, for the browser session (the server tells when the token ended)", () => {
    expect(sessionCookie("tok")).toEqual({ name: SESSION_COOKIE, value: "tok", httpOnly: true, sameSite: "lax", path: "/", secure: false });
    expect(sessionCookie("tok", true).secure).toBe(true);
  });
});

describe("accessOf", () => {
  it("lets admin and member change; a reader only looks, with a reason naming role and project", () => {
    expect(accessOf([{ name: "member" }], "demo")).toEqual({ canChange: true });
    expect(accessOf([{ name: "reader" }, { name: "admin" }], "demo")).toEqual({ canChange: true });
    const reader = accessOf([{ name: "reader" }], "demo");
    expect(reader.canChange).toBe(false);
    expect(reader.reason).toBe("Your role in project demo is reader: you may look but not change anything.");
    expect(accessOf([], "demo").reason).toMatch(/is no role/);
  });
});
