/**
 * TRACE, TRACK and CONNECT never reach Next: its request adapter cannot build a Request for them and
 * answers 500. The guard wraps the Node HTTP server's "request" event (installed once at start-up by
 * instrumentation.ts) and answers them with the 405 of request-guard.ts before any listener runs.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { refuseRequest } from "./request-guard";

const INSTALLED = Symbol.for("hearth.methodGuard");

/** Makes every HTTP server of this process answer the methods Hearth refuses itself. */
export function installMethodGuard(server: { prototype: Server }): void {
  const proto = server.prototype as Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function guarded(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      const refused = ["TRACE", "TRACK", "CONNECT"].includes(request.method ?? "")
        ? refuseRequest(request.method!, (request.url ?? "/").split("?")[0], new Headers())
        : undefined;
      if (refused) {
        response.writeHead(refused.status, { "content-type": "application/json", ...refused.headers });
        response.end(JSON.stringify(refused.body));
        return true;
      }
    }
    return (emit as (this: Server, ...all: unknown[]) => boolean).call(this, event, ...args);
  } as Server["emit"];
}
