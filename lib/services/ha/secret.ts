/**
 * The signing secret of pre-signed signal URLs, kept in the database (table ServiceSecret) so every
 * process on one database signs and verifies alike and URLs survive restarts. Generated on first start.
 */
import { randomBytes } from "node:crypto";
import type { HearthPrisma } from "../../store/client";

/** Name of the row holding the signal URL secret. */
export const SIGNAL_SECRET = "signal-url-hmac";

/** Reads the secret `name`, creating it (32 random bytes) when absent; concurrent first starts agree on one. */
export async function loadOrCreateSecret(prisma: HearthPrisma, name = SIGNAL_SECRET): Promise<string> {
  const existing = await prisma.serviceSecret.findUnique({ where: { name } });
  if (existing) return existing.value;
  await prisma.serviceSecret.upsert({ where: { name }, create: { name, value: randomBytes(32).toString("base64url") }, update: {} });
  return (await prisma.serviceSecret.findUniqueOrThrow({ where: { name } })).value;
}
