// Prisma CLI configuration for the PostgreSQL client (generated/prisma-postgres), run by postinstall:
//   prisma generate --config prisma/postgres/prisma.config.ts
// JS engine with the pg adapter; without a PostgreSQL URL, generate would try to download an engine.
// Migrations are not run by Prisma: lib/store/migrate.ts applies prisma/postgres/migrations.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// the schema's url = env("DATABASE_URL") must name PostgreSQL here (this process only), even when the app's names SQLite
if (!process.env.DATABASE_URL?.startsWith("postgres")) process.env.DATABASE_URL = "postgresql://localhost:5432/hearth";
const url = process.env.DATABASE_URL;
process.env.CHECKPOINT_DISABLE ??= "1";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  async adapter() {
    return new PrismaPg({ connectionString: url });
  },
});
