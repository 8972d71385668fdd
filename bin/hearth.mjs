#!/usr/bin/env node
// The `hearth` command: runs the prebuilt CLI (scripts/cli-build.mjs bundles cli/main.ts with esbuild
// at npm install, and again here when a source changed since), with the project root set so that the
// database (DATABASE_URL, default data/hearth.db) and migrations are found from any folder.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { currentCli } from "../scripts/cli-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.HEARTH_ROOT ??= root;
process.env.CHECKPOINT_DISABLE ??= "1";
await import(pathToFileURL(await currentCli(root)).href);
