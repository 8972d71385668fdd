/**
 * The REST API of one Hearth over plain node:http, for processes without Next (`hearth engine
 * --listen`, tests that point real clients at it): the same handlers and paths as the console's
 * routes, /heat-api/... (app/heat-api -> lib/api/heat) and /identity/... (app/identity ->
 * lib/api/keystone). Anything else is Heat's 404.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { Hearth } from "../services/types";
import { handleHeatRequest } from "./heat";
import { heatFault } from "./heat-faults";
import { HttpError } from "./http";
import { handleIdentityRequest } from "./keystone/routes";

/** A listening API server. */
export interface ApiListener {
  /** http://host:port it answers on (the port chosen by the system when 0 was asked). */
  origin: string;
  /** Stops accepting requests, drops idle connections and resolves once the server is closed. */
  close(): Promise<void>;
}

/** True when `pathname` is `prefix` or below it. */
function under(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** Turns a node request into a fetch Request (the body streamed, not buffered here). */
function toRequest(req: http.IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const body = hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined;
  return new Request(`${origin}${req.url ?? "/"}`, { method: req.method, headers, body, duplex: "half" } as RequestInit);
}

/** Answers one request with the handler its path belongs to. */
async function route(hearth: Hearth, request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (under(pathname, "/identity")) return handleIdentityRequest(hearth.identity, request);
  if (under(pathname, "/heat-api")) return handleHeatRequest(hearth, request);
  return heatFault(new HttpError(404, `Nothing is served at ${pathname}: this API serves /heat-api and /identity.`, "HTTPNotFound"));
}

/** Writes a fetch Response to a node response (Set-Cookie headers kept apart). */
async function send(response: Response, res: http.ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Serves Hearth's Heat and Keystone APIs on `host:port` (port 0: a free one); rejects with the
 * address when it cannot listen (in use, not an address of this host).
 */
export async function listenApi(hearth: Hearth, host: string, port: number): Promise<ApiListener> {
  let origin = "";
  const server = http.createServer((req, res) => {
    const answered = Promise.resolve()
      .then(() => route(hearth, toRequest(req, origin)))
      .then((response) => send(response, res));
    answered.catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      void send(heatFault(error), res).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(new Error(`cannot listen on ${host}:${port}: ${error.code ?? error.message}`)));
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
