/**
 * Hostile requests that used to answer 500 with internals: every one is now a clear 4xx with a code
 * and a message naming the place, and a real 500 says only its request id (details in the server log).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { handleHeatRequest } from "../../lib/api/heat";
import { installMethodGuard } from "../../lib/console/method-guard";
import { refuseRequest } from "../../lib/console/request-guard";
import type { Hearth } from "../../lib/services/types";
import { adminSession, ORIGIN } from "../api/harness";
import { PAIR } from "../api/templates";

const session = adminSession();
const base = "/heat-api/v1/admin";

let logged: unknown[][];
beforeEach(() => {
  logged = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args));
});
afterEach(() => vi.restoreAllMocks());

describe("bad input is a 400 that names the place", () => {
  it("refuses a timeout beyond what a timer can wait, without echoing the database call", async () => {
    // raw JSON numbers, as a client would send them (1e400 and 400 digits parse to Infinity)
    for (const timeout of ["1000000000000", "35792", "1e400", "9".repeat(400), "-1", "2.5", '"soon"']) {
      const body = `{"stack_name": "t", "template": ${JSON.stringify(PAIR)}, "timeout_mins": ${timeout}}`;
      const answer = await session.api.call("POST", `${base}/stacks`, { token: session.token, body });
      expect(answer.status, timeout).toBe(400);
      expect(answer.body.error.message).toMatch(/^"timeout_mins" must be a whole number of minutes from 1 to 35791, not /);
      expect(JSON.stringify(answer.body)).not.toMatch(/prisma|heat_template_version|invocation/i);
    }
    const fine = await session.api.call("POST", `${base}/stacks`, { token: session.token, body: { stack_name: "t", template: PAIR, timeout_mins: 35_791 } });
    expect(fine.status).toBe(201);
  });

  it("answers a path that is not valid %-encoding with a 400 naming the segment, on both APIs", async () => {
    const heat = await session.api.call("GET", `${base}/stacks/%E0%A4%A`, { token: session.token });
    expect(heat.status).toBe(400);
    expect(heat.body.error).toMatchObject({ type: "HTTPBadRequest", message: 'Path segment 4 ("%E0%A4%A") is not valid percent-encoding (UTF-8 bytes as %XX).' });
    const identity = await session.api.call("GET", "/identity/v3/%ZZ");
    expect(identity.status).toBe(400);
    expect(identity.body.error.message).toContain('"%ZZ") is not valid percent-encoding');
    expect(logged).toEqual([]);
  });
});

describe("a 500 never echoes internals", () => {
  it("answers with a request id only, and logs the error under the same id", async () => {
    const secret = "prisma.stack.findMany({ where: { password: 'hunter2' } })";
    const broken = { ...session.api.hearth, forProject: () => ({ ...session.api.hearth, listStackRecords: async () => Promise.reject(new Error(secret)) }) } as Hearth;
    const response = await handleHeatRequest(broken, new Request(`${ORIGIN}${base}/stacks`, { headers: { "x-auth-token": session.token } }));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("hunter2");
    const id = response.headers.get("x-openstack-request-id");
    expect(id).toMatch(/^req-[0-9a-f-]{36}$/);
    expect(JSON.parse(text).error).toEqual({ type: "InternalError", traceback: null, message: `The server hit an internal error (request ${id}); the details are in the server log.` });
    expect(logged).toHaveLength(1);
    expect(logged[0][0]).toBe(`heat-api: internal error ${id}:`);
    expect((logged[0][1] as Error).message).toBe(secret);
  });
});

describe("the stack list under concurrent deletes", () => {
  it("reads the records once, so a stack purged while the list is built cannot turn it into a 404", async () => {
    const created = await session.api.call("POST", `${base}/stacks`, { token: session.token, body: { stack_name: "listed", template: PAIR } });
    expect(created.status).toBe(201);
    const gone = async () => Promise.reject(Object.assign(new Error("Stack not found"), { name: "EngineError", code: "NotFound" }));
    const racing = { ...session.api.hearth, forProject: () => ({ ...session.api.hearth, getStack: gone }) } as Hearth;
    const response = await handleHeatRequest(racing, new Request(`${ORIGIN}${base}/stacks`, { headers: { "x-auth-token": session.token } }));
    expect(response.status).toBe(200);
    const names = ((await response.json()) as { stacks: { stack_name: string }[] }).stacks.map((s) => s.stack_name);
    expect(names).toContain("listed");
  });
});

describe("requests the console refuses before serving them", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it("refuses TRACE, TRACK and CONNECT with 405 and an Allow header", () => {
    for (const method of ["TRACE", "track", "CONNECT"]) {
      expect(refuseRequest(method, "/stacks", headers({ host: "hearth.test" }))).toEqual({
        status: 405,
        body: { error: { code: "MethodNotAllowed", message: `The method ${method.toUpperCase()} is not allowed for /stacks: use one of GET, HEAD, POST, PUT, PATCH, DELETE.` } },
        headers: { allow: "GET, HEAD, POST, PUT, PATCH, DELETE" },
      });
    }
    expect(refuseRequest("GET", "/stacks", headers({ host: "hearth.test" }))).toBeUndefined();
  });

  it("refuses a server action posted from another origin (or none) with 403, and lets the site's own through", () => {
    const action = (extra: Record<string, string>) => refuseRequest("POST", "/launch", headers({ host: "hearth.test:3000", "next-action": "abc", ...extra }));
    expect(action({ origin: "https://evil.example" })).toMatchObject({
      status: 403,
      body: { error: { code: "CrossOriginRefused", message: "A console form posted from https://evil.example to hearth.test:3000 was refused: forms are only accepted from the console's own pages." } },
    });
    expect(action({})?.body.error.message).toContain("without an Origin header");
    expect(action({ origin: "null" })?.status).toBe(403);
    expect(action({ origin: "http://hearth.test:3000" })).toBeUndefined();
    expect(action({ origin: "https://hearth.example", "x-forwarded-host": "hearth.example" })).toBeUndefined();
    expect(refuseRequest("POST", "/heat-api/v1/admin/stacks", headers({ host: "hearth.test", origin: "https://evil.example" }))).toBeUndefined();
  });
});

describe("the HTTP server's method guard", () => {
  it("answers TRACE with the 405 before any listener (Next would answer 500), and passes the rest on", async () => {
    installMethodGuard(http.Server);
    const server = http.createServer((_request, response) => response.end("served"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const send = (method: string) =>
      new Promise<{ status: number; body: string; allow?: string }>((resolve, reject) => {
        const request = http.request({ host: "127.0.0.1", port, method, path: "/stacks?x=1" }, (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode!, body, allow: response.headers.allow }));
        });
        request.on("error", reject);
        request.end();
      });
    try {
      const trace = await send("TRACE");
      expect(trace).toMatchObject({ status: 405, allow: "GET, HEAD, POST, PUT, PATCH, DELETE" });
      expect(JSON.parse(trace.body).error).toEqual({ code: "MethodNotAllowed", message: "The method TRACE is not allowed for /stacks: use one of GET, HEAD, POST, PUT, PATCH, DELETE." });
      expect(await send("GET")).toMatchObject({ status: 200, body: "served" });
    } finally {
      server.close();
    }
  });
});
