import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PrismaIdentityStore } from "@/lib/store/identity-store";
import { SqlLoginFailures } from "@/lib/store/login-failures";
import { createTempDatabase, type TempDatabase } from "@/lib/store/testing/temp-database";
import { createIdentity, type Identity } from "@/lib/services/identity";
import type { Hearth } from "@/lib/services/types";

/** The request as next/headers shows it: a cookie jar and the headers the proxy set. */
const request = vi.hoisted(() => ({ cookies: new Map<string, { value: string; httpOnly?: boolean; sameSite?: string }>(), headers: new Headers() }));
const services = vi.hoisted(() => ({ hearth: undefined as Hearth | undefined }));

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => request.cookies.get(name),
    set: (cookie: { name: string; value: string }) => request.cookies.set(cookie.name, cookie),
    delete: (name: string) => request.cookies.delete(name),
  }),
  headers: async () => request.headers,
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`redirect ${url}`), { url });
  },
}));
vi.mock("@/lib/services", () => ({ getHearth: async () => services.hearth }));

const { consoleHearth, getSession, routeHearth } = await import("./session");
const { login, logout, switchProject } = await import("./session-actions");
const { SESSION_COOKIE, PATH_HEADER } = await import("./session-cookie");

let db: TempDatabase;
let identity: Identity;
let clock: Date;

/** A Hearth with the real identity; stacks are not needed here, only which project it is scoped to. */
function fakeHearth(projectId: string): Hearth {
  return { projectId, identity, forProject: fakeHearth, ha: {}, templates: {}, create: async () => "created" } as unknown as Hearth;
}

/** The login form's data. */
function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries({ user: "", password: "", project: "", next: "/", ...fields })) data.set(key, value);
  return data;
}

/** Runs something that should redirect, returning where to. */
async function redirected(work: () => Promise<unknown>): Promise<string> {
  const error = await work().then(() => undefined, (e: unknown) => e);
  if (!(error instanceof Error) || !("url" in error)) throw new Error(`expected a redirect, got ${String(error)}`);
  return String(error.url);
}

const token = () => request.cookies.get(SESSION_COOKIE)?.value;

beforeEach(async () => {
  db = await createTempDatabase();
  clock = new Date("2026-11-21T10:00:00Z");
  identity = createIdentity(new PrismaIdentityStore(db.prisma), new SqlLoginFailures(db.driver), { tokenTtlMs: 3_600_000, now: () => clock });
  await identity.bootstrap({ password: "secret", adminProjectId: "admin" });
  await identity.createUser("rita", "reads");
  await identity.assignRole("rita", "demo", "reader");
  services.hearth = fakeHearth("admin");
  request.cookies.clear();
  request.headers = new Headers();
});
afterEach(() => db.cleanup());

describe("login", () => {
  it("refuses a wrong password without setting a cookie, keeping the user name", async () => {
    expect(await login({}, form({ user: "admin", password: "nope" }))).toEqual({ error: "Wrong user name or password.", user: "admin", project: "" });
    expect(await login({}, form({ user: "", password: "" }))).toMatchObject({ error: "Enter your user name and password." });
    expect(request.cookies.size).toBe(0);
  });

  it("keeps a token scoped to the first project in an httpOnly Lax cookie and goes to next", async () => {
    expect(await redirected(() => login({}, form({ user: "admin", password: "secret", next: "/stacks/s1" })))).toBe("/stacks/s1");
    const cookie = request.cookies.get(SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    expect(cookie.value).not.toContain("secret");
    const info = await identity.validate(cookie.value);
    expect(info.project?.name).toBe("admin");
  });

  it("scopes to the project asked for, and refuses one the user has no role on", async () => {
    expect(await redirected(() => login({}, form({ user: "rita", password: "reads", next: "https://evil.example/" })))).toBe("/");
    expect((await identity.validate(token()!)).project?.name).toBe("demo");
    request.cookies.clear();
    expect(await login({}, form({ user: "rita", password: "reads", project: "admin" }))).toMatchObject({ error: "User rita has no role on project admin." });
    expect(request.cookies.size).toBe(0);
  });

  it("never goes back to another host, whatever next says (test/hostile/login.test.ts has the full list)", async () => {
    for (const next of ["//evil.example", "/\\evil.example", "/%2F%2Fevil.example", "/\t/evil.example", "https://evil.example"]) {
      request.cookies.clear();
      expect(await redirected(() => login({}, form({ user: "admin", password: "secret", next }))), next).toBe("/");
    }
  });

  it("throttles guessing per user and per address, with a message saying when to try again", async () => {
    request.headers = new Headers({ "x-forwarded-for": "203.0.113.5" });
    for (let i = 0; i < 5; i++) expect((await login({}, form({ user: "admin", password: "nope" }))).error).toBe("Wrong user name or password.");
    expect(await login({}, form({ user: "admin", password: "secret" }))).toEqual({ error: "Too many failed logins for user admin (5 in 60 s): try again in 60 s.", user: "admin", project: "" });
    expect((await login({}, form({ user: "rita", password: "reads" }))).error).toBe("Too many failed logins for address 203.0.113.5 (5 in 60 s): try again in 60 s.");
    expect(request.cookies.size).toBe(0);
    clock = new Date("2026-11-21T10:01:01Z");
    expect(await redirected(() => login({}, form({ user: "admin", password: "secret" })))).toBe("/");
  });
});

describe("the session", () => {
  it("re-scopes to another project (the old token is revoked) and logs out by revoking", async () => {
    await redirected(() => login({}, form({ user: "admin", password: "secret" })));
    const first = token()!;
    const demo = (await identity.listProjects()).find((p) => p.name === "demo")!;
    expect(await switchProject(demo.id)).toEqual({ ok: true });
    const second = token()!;
    expect(second).not.toBe(first);
    await expect(identity.validate(first)).rejects.toThrow("Could not find token.");
    expect((await routeHearth())?.projectId).toBe(demo.id);
    expect(await switchProject("nowhere")).toEqual({ ok: false, error: "You have no role on project nowhere." });

    expect(await redirected(() => logout())).toBe("/login?reason=logged-out");
    expect(request.cookies.size).toBe(0);
    await expect(identity.validate(second)).rejects.toThrow("Could not find token.");
  });

  it("sends pages to login (with the reason when the token ended) and gives routes nothing", async () => {
    request.headers.set(PATH_HEADER, "/stacks/s1");
    expect(await redirected(() => consoleHearth())).toBe("/login?next=%2Fstacks%2Fs1");
    await redirected(() => login({}, form({ user: "admin", password: "secret" })));
    expect((await consoleHearth()).projectId).toBe("admin");
    clock = new Date("2026-11-21T11:00:01Z"); // an hour later: the token has expired
    expect(await redirected(() => consoleHearth())).toBe("/login?next=%2Fstacks%2Fs1&reason=expired");
    expect(await routeHearth()).toBeUndefined();
  });

  it("gives a reader a Hearth that refuses changes with the reason", async () => {
    await redirected(() => login({}, form({ user: "rita", password: "reads" })));
    const session = await getSession();
    expect(session).toMatchObject({ kind: "valid", access: { canChange: false } });
    const hearth = await consoleHearth();
    await expect(hearth.create("web", { template: "" })).rejects.toThrow("Your role in project demo is reader: you may look but not change anything. (create refused)");
  });
});
