/**
 * Hearth's database opened (and migrated) as the ports lib/services builds on. The one module that
 * names the Prisma implementations, so the services and their callers depend on interfaces only.
 */
import path from "node:path";
import type { StackStore } from "../engine/ports";
import { createPrismaClient, createSqlDriver } from "./client";
import { cacheIdentityReads } from "./identity-read-cache";
import { PrismaIdentityStore } from "./identity-store";
import { SqlLoginFailures } from "./login-failures";
import { MIGRATIONS_DIRS, runMigrations } from "./migrate";
import type { EventFeed, IdentityStore, LoginFailureStore, SecretStore, SharedSimPersistence, TemplateStore } from "./ports";
import { PrismaSecretStore } from "./secret-store";
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
  const prisma = await createPrismaClient(url);
  return {
    stacks: new SqlStackStore(driver),
    identity: cacheIdentityReads(new PrismaIdentityStore(prisma)),
    loginFailures: new SqlLoginFailures(driver),
    templates: new PrismaTemplateStore(prisma),
    secrets: new PrismaSecretStore(prisma),
    cloudState: (writer) => new SqlSimPersistence(driver, writer),
    async close() {
      await driver.close();
      await prisma.$disconnect();
    },
  };
}
