#!/usr/bin/env node
// The `hearth` command: loads the TypeScript CLI through tsx's loader, with the project root set so
// that the database (DATABASE_URL, default data/hearth.db) and migrations are found from any folder.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.HEARTH_ROOT ??= root;
process.env.CHECKPOINT_DISABLE ??= "1";
register();
await import(path.join(root, "cli", "main.ts"));
