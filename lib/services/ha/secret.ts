/**
 * The signing secret of pre-signed signal URLs, kept in the database (the store's SecretStore) so every
 * process on one database signs and verifies alike and URLs survive restarts. Generated on first start.
 */
import { randomBytes } from "node:crypto";
import type { SecretStore } from "../../store/ports";

/** Name of the row holding the signal URL secret. */
export const SIGNAL_SECRET = "signal-url-hmac";

/** Reads the secret `name`, creating it (32 random bytes) when absent; concurrent first starts agree on one. */
export async function loadOrCreateSecret(secrets: SecretStore, name = SIGNAL_SECRET): Promise<string> {
  return (await secrets.get(name)) ?? secrets.putIfAbsent(name, randomBytes(32).toString("base64url"));
}
