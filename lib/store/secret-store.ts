/**
 * Service secrets in the database (table ServiceSecret): the SecretStore port (ports.ts) on the SQL
 * driver, the same statements on SQLite and PostgreSQL. Every engine process reads them at start
 * (the signal URLs' key and base URL), so they go through the driver rather than the Prisma client,
 * which would otherwise load for these two reads alone (docs/speed.md).
 */
import type { SecretStore } from "./ports";
import type { SqlDriver } from "./sql/driver";

/** Driver-backed service secrets. */
export class SqlSecretStore implements SecretStore {
  constructor(private readonly driver: SqlDriver) {}

  async get(name: string): Promise<string | undefined> {
    const [row] = await this.driver.query<{ value: string }>('SELECT "value" FROM "ServiceSecret" WHERE "name" = ?', [name]);
    return row?.value;
  }

  putIfAbsent(name: string, value: string): Promise<string> {
    return this.driver.transaction(async (tx) => {
      await tx.run('INSERT INTO "ServiceSecret" ("name", "value") VALUES (?, ?) ON CONFLICT ("name") DO NOTHING', [name, value]);
      const [row] = await tx.query<{ value: string }>('SELECT "value" FROM "ServiceSecret" WHERE "name" = ?', [name]);
      return row.value;
    });
  }

  async put(name: string, value: string): Promise<void> {
    await this.driver.transaction((tx) => tx.run('INSERT INTO "ServiceSecret" ("name", "value") VALUES (?, ?) ON CONFLICT ("name") DO UPDATE SET "value" = excluded."value"', [name, value]));
  }
}
