// Prisma CLI configuration (generate, migrate diff): JS engine with the better-sqlite3 adapter.
// The app itself applies migrations with lib/store/migrate.ts at start-up.
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

process.env.DATABASE_URL ??= "file:./data/hearth.db";
process.env.CHECKPOINT_DISABLE ??= "1";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL!;
    // SQLite does not create folders; without this, commands fail with "External error".
    if (url.startsWith("file:")) fs.mkdirSync(path.dirname(path.resolve(url.slice("file:".length))), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
