/**
 * A plain node:http server in front of the same handlers the Next routes (app/identity, app/heat-api)
 * call, over a Hearth on a temporary database, so the real openstack clients can be pointed at it
 * from a vitest run without a Next build. Listens on 127.0.0.1 and a free port.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { handleHeatRequest } from "../../lib/api/heat";
import { handleIdentityRequest } from "../../lib/api/keystone/routes";
import { createHearth } from "../../lib/services";
import type { Hearth } from "../../lib/services/types";
import { tempDatabaseFile } from "../../lib/store/testing/temp-database";

/** A running server. */
export interface ApiServer {
  origin: string;
  hearth: Hearth;
  close(): Promise<void>;
}

/** Turns a node request into a fetch Request. */
async function toRequest(req: http.IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && chunks.length > 0;
  return new Request(`${origin}${req.url}`, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
}

/** Starts Hearth and the server; the identity admin's password is `password`. */
export async function startApiServer(password: string): Promise<ApiServer> {
  const file = tempDatabaseFile("hearth-clients-");
  const hearth = await createHearth({ databaseUrl: file.url, simSpeed: 0, simSeed: 5, bootstrapPassword: password, haMonitor: false, owner: "engine-clients-test" });
  let origin = "";
  const server = http.createServer((req, res) => {
    void (async () => {
      const request = await toRequest(req, origin);
      const route = req.url?.startsWith("/identity") ? handleIdentityRequest(hearth.identity, request) : handleHeatRequest(hearth, request);
      const response = await route;
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hearth,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await hearth.close();
      file.remove();
    },
  };
}
