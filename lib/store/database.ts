/**
 * Hearth's database opened (and migrated) as the ports lib/services builds on. The one module that
 * names the implementations, so the services and their callers depend on interfaces only. The ports
 * every start reads (stacks, secrets, the cloud's rows, the bootstrap check) are on the SQL driver;
 * identity and saved templates are on the Prisma client, which is loaded on their first call, so a
 * process that never calls them never loads it (docs/speed.md).
 */
import path from "node:path";
import type { StackStore } from "../engine/ports";
import { createSqlDriver } from "./client";
import { identityBootstrapped, type BootstrapShape } from "./identity-bootstrap";
import { cacheIdentityReads } from "./identity-read-cache";
import { PrismaIdentityStore } from "./identity-store";
import { lazyPort, loadOnce } from "./lazy-port";
import { SqlLoginFailures } from "./login-failures";
import { MIGRATIONS_DIRS, runMigrations } from "./migrate";
import type { EventFeed, IdentityStore, LoginFailureStore, SecretStore, SharedSimPersistence, TemplateStore } from "./ports";
import type { HearthPrisma } from "./prisma-client";
import { SqlSecretStore } from "./secret-store";
import { SqlSimPersistence } from "./sim-persistence";
import { SqlStackStore } from "./sql-stack-store";
import { PrismaTemplateStore } from "./template-store";

/** Everything Hearth keeps in one database, each part as its port. */
export interface HearthDatabase {
  /** Stacks, resources, events and locks (the engine's StackStore), and the global event log. */
  stacks: StackStore & EventFeed;
  identity: IdentityStore;
  /** Failed logins per user and address (the login throttle's counts, shared by every process). */
  loginFailures: LoginFailureStore;
  templates: TemplateStore;
  secrets: SecretStore;
  /** Whether the identity bootstrap has run (every row of `shape` is stored): one read, without the Prisma client. */
  identityBootstrapped(shape: BootstrapShape): Promise<boolean>;
  /** The simulated cloud's saved state, as seen (and written, recorded as `writer`) by this process. */
  cloudState(writer: string): SharedSimPersistence;
  /** Closes the connection. */
  close(): Promise<void>;
}

/** How to open the database. */
export interface OpenDatabaseOptions {
  /** Project root: when given, the pending migrations under it (MIGRATIONS_DIRS) are applied first. */
  migrateFrom?: string;
}

/**
 * Opens the database at `url` (see client.ts for the URL forms): checks that it answers, applies the
 * pending migrations, then opens the ports; closes what it opened when any step fails.
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<HearthDatabase> {
  const driver = await createSqlDriver(url);
  try {
    if (options.migrateFrom !== undefined) await runMigrations(driver, path.join(options.migrateFrom, MIGRATIONS_DIRS[driver.dialect]));
  } catch (error) {
    await driver.close();
    throw error;
  }
  let prisma: Promise<HearthPrisma> | undefined;
  const client = loadOnce(() => (prisma = import("./prisma-client").then(({ createPrismaClient }) => createPrismaClient(url))));
  return {
    stacks: new SqlStackStore(driver),
    identity: cacheIdentityReads(lazyPort(async () => new PrismaIdentityStore(await client()))),
    loginFailures: new SqlLoginFailures(driver),
    templates: lazyPort(async () => new PrismaTemplateStore(await client())),
    secrets: new SqlSecretStore(driver),
    identityBootstrapped: (shape) => identityBootstrapped(driver, shape),
    cloudState: (writer) => new SqlSimPersistence(driver, writer),
    async close() {
      await driver.close();
      await (await prisma?.catch(() => undefined))?.$disconnect();
    },
  };
}
