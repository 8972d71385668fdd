import type { NextConfig } from "next";

/** Next.js configuration of the Hearth console. */
const nextConfig: NextConfig = {
  // Database drivers load native modules: require them at run time instead of bundling them.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  // `npm run typecheck` checks every file in CI; the build does not repeat it (2 shared cores).
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
};

export default nextConfig;
