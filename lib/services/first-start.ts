/**
 * The identity bootstrap of a Hearth's start (the admin user, admin and demo projects, as
 * keystone-manage bootstrap makes them), run only while the database lacks what it makes: one read
 * on the SQL driver tells, so a start after the first pays neither the bootstrap's queries nor the
 * Prisma client they would load (measured in docs/speed.md). Starts racing on a fresh database each
 * run the bootstrap, which is idempotent: they end with one admin, and only the process whose user
 * was stored prints its generated password.
 */
import type { HearthDatabase } from "../store/database";
import { BOOTSTRAP_SHAPE, type BootstrapResult, type Identity } from "./identity";

/** Bootstraps `identity` unless `db` says it has been; returns what the bootstrap did (undefined when skipped). */
export async function bootstrapOnFirstStart(
  identity: Pick<Identity, "bootstrap">,
  db: Pick<HearthDatabase, "identityBootstrapped">,
  options: { password?: string; adminProjectId: string },
): Promise<BootstrapResult | undefined> {
  if (await db.identityBootstrapped(BOOTSTRAP_SHAPE)) return undefined;
  const boot = await identity.bootstrap(options);
  // stderr, so it never mixes into a CLI command's -f json output
  if (boot.generatedPassword) console.warn(`hearth: created identity user "admin" with password ${boot.generatedPassword} (shown once; set HEARTH_BOOTSTRAP_PASSWORD to choose it)`);
  return boot;
}
