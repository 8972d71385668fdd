/**
 * The databases the peer tests run on: a temporary SQLite file, and a fresh PostgreSQL database when
 * HEARTH_TEST_POSTGRES_URL or Debian's binaries give a server (lib/store/testing/postgres.ts);
 * `open` resolves to undefined when there is none, and the test skips.
 */
import { startTestPostgres } from "../../lib/store/testing/postgres";
import { tempDatabaseFile } from "../../lib/store/testing/temp-database";

/** A database made for one test file, and how to remove it. */
export interface PeerDatabase {
  url: string;
  drop(): void | Promise<void>;
}

/** Each kind of database, by label. */
export const PEER_DATABASES: { label: string; open(): Promise<PeerDatabase | undefined> }[] = [
  {
    label: "SQLite",
    async open() {
      const file = tempDatabaseFile("hearth-peers-");
      return { url: file.url, drop: () => file.remove() };
    },
  },
  {
    label: "PostgreSQL",
    async open() {
      const postgres = await startTestPostgres();
      const database = await postgres?.createDatabase();
      if (!database) return undefined;
      return { url: database.url, drop: async () => (await database.drop(), await postgres?.stop()) };
    },
  },
];
