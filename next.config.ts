import type { NextConfig } from "next";

/** Next.js configuration of the Hearth console. */
const nextConfig: NextConfig = {
  // Database drivers load native modules: require them at run time instead of bundling them.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  // HEARTH_DIST_DIR lets several builds live side by side (parallel browser-test runs); default .next.
  distDir: process.env.HEARTH_DIST_DIR || ".next",
  poweredByHeader: false,
};

export default nextConfig;
