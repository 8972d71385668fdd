/**
 * The API's plain node:http server (lib/api/node-server.ts, the same handlers the Next routes call)
 * over a Hearth on a temporary database, so the real openstack clients can be pointed at it from a
 * vitest run without a Next build. Listens on 127.0.0.1 and a free port.
 */
import { listenApi } from "../../lib/api/node-server";
import { createHearth } from "../../lib/services";
import type { Hearth } from "../../lib/services/types";
import { tempDatabaseFile } from "../../lib/store/testing/temp-database";

/** A running server. */
export interface ApiServer {
  origin: string;
  hearth: Hearth;
  close(): Promise<void>;
}

/** Starts Hearth and the server; the identity admin's password is `password`. */
export async function startApiServer(password: string): Promise<ApiServer> {
  const file = tempDatabaseFile("hearth-clients-");
  const hearth = await createHearth({ databaseUrl: file.url, simSpeed: 0, simSeed: 5, bootstrapPassword: password, haMonitor: false, owner: "engine-clients-test" });
  const listener = await listenApi(hearth, "127.0.0.1", 0);
  return {
    origin: listener.origin,
    hearth,
    async close() {
      await listener.close();
      await hearth.close();
      file.remove();
    },
  };
}
