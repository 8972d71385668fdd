import { describe, expect, it } from "vitest";
import type { SecretStore } from "../../store/ports";
import { configFromEnv } from "../config";
import { CONSOLE_URL, signalBaseUrl } from "./public-url";

/** A SecretStore in a Map. */
function memorySecrets(): SecretStore & { rows: Map<string, string> } {
  const rows = new Map<string, string>();
  return {
    rows,
    get: async (name) => rows.get(name),
    async putIfAbsent(name, value) {
      if (!rows.has(name)) rows.set(name, value);
      return rows.get(name)!;
    },
    put: async (name, value) => void rows.set(name, value),
  };
}

describe("the base URL of signal URLs", () => {
  it("reads HEARTH_PUBLIC_URL (trailing slashes dropped) and PORT from the environment, and refuses a URL that is not http(s)", () => {
    expect(configFromEnv({ HEARTH_PUBLIC_URL: "https://hearth.example/" }).publicUrl).toBe("https://hearth.example");
    expect(configFromEnv({}).publicUrl).toBeUndefined();
    expect(configFromEnv({ PORT: "4000" }).consoleUrl).toBe("http://127.0.0.1:4000");
    expect(configFromEnv({}).consoleUrl).toBe("http://127.0.0.1:3000");
    expect(configFromEnv({ NEXT_RUNTIME: "nodejs" }).servesConsole).toBe(true);
    expect(configFromEnv({}).servesConsole).toBe(false);
    expect(() => configFromEnv({ HEARTH_PUBLIC_URL: "hearth.example" })).toThrow(/HEARTH_PUBLIC_URL must be an http or https URL, not "hearth.example"/);
    expect(() => configFromEnv({ HEARTH_PUBLIC_URL: "ftp://hearth.example" })).toThrow(/must be an http or https URL/);
  });

  it("is the configured public URL in every process, recording nothing", async () => {
    const secrets = memorySecrets();
    expect(await signalBaseUrl(secrets, { publicUrl: "https://hearth.example", consoleUrl: "http://127.0.0.1:3125", servesConsole: true })).toBe("https://hearth.example");
    expect(secrets.rows.size).toBe(0);
  });

  it("is the console server's own address, which the other processes on the database read back", async () => {
    const secrets = memorySecrets();
    const cli = { consoleUrl: "http://127.0.0.1:3000", servesConsole: false };
    expect(await signalBaseUrl(secrets, cli)).toBe("http://127.0.0.1:3000"); // no console has started yet
    expect(await signalBaseUrl(secrets, { consoleUrl: "http://127.0.0.1:3125", servesConsole: true })).toBe("http://127.0.0.1:3125");
    expect(secrets.rows.get(CONSOLE_URL)).toBe("http://127.0.0.1:3125");
    expect(await signalBaseUrl(secrets, cli)).toBe("http://127.0.0.1:3125");
    // The console restarted on another port: the others follow it.
    await signalBaseUrl(secrets, { consoleUrl: "http://127.0.0.1:3126", servesConsole: true });
    expect(await signalBaseUrl(secrets, cli)).toBe("http://127.0.0.1:3126");
  });
});
