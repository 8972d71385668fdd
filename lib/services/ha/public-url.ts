/**
 * The base URL of pre-signed signal URLs, the same in every process on one database: HEARTH_PUBLIC_URL
 * when it is configured; else the console server's own address, which the server records in the
 * database when it starts, so the CLI (another process, which cannot know the console's port) prints
 * URLs on the port the console really serves; else, before any console ran, http://127.0.0.1:${PORT:-3000}.
 * A URL's token names the stack, resource and action and is signed with the database's secret, so it
 * keeps working across restarts and updates for as long as the stack lives.
 */
import type { SecretStore } from "../../store/ports";
import type { HearthConfig } from "../config";

/** Name of the row holding the address the console server last started on. */
export const CONSOLE_URL = "console-url";

/** The settings that decide the base URL. */
export type SignalSites = Pick<HearthConfig, "publicUrl" | "consoleUrl" | "servesConsole">;

/** The base URL (no trailing slash) this process signs URLs with; the console server records its own. */
export async function signalBaseUrl(secrets: SecretStore, sites: SignalSites): Promise<string> {
  if (sites.publicUrl) return sites.publicUrl;
  if (sites.servesConsole) {
    await secrets.put(CONSOLE_URL, sites.consoleUrl);
    return sites.consoleUrl;
  }
  return (await secrets.get(CONSOLE_URL)) ?? sites.consoleUrl;
}
