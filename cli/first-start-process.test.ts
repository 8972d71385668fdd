import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../lib/store/database";
import { tempDatabaseFile } from "../lib/store/testing/temp-database";

const execFileAsync = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");

describe("two CLI processes starting at once on a fresh database", () => {
  it("end with one admin, made once: exactly one of them prints the generated password", async () => {
    const file = tempDatabaseFile("hearth-first-start-");
    const { HEARTH_BOOTSTRAP_PASSWORD: _chosen, ...inherited } = process.env;
    const env = { ...inherited, DATABASE_URL: file.url, HEARTH_DEMO: "0" };
    const list = () => execFileAsync(process.execPath, ["bin/hearth.mjs", "stack", "list", "-f", "json"], { cwd: root, env, timeout: 120_000 });
    try {
      const runs = await Promise.all([list(), list()]);
      expect(runs.map((r) => JSON.parse(r.stdout))).toEqual([[], []]);
      const told = runs.filter((r) => /created identity user "admin" with password \S+/.test(r.stderr));
      expect(told).toHaveLength(1);
      // a later start finds the bootstrap done
      expect((await list()).stderr).toBe("");
      const db = await openDatabase(file.url);
      try {
        expect((await db.identity.listUsers()).map((u) => u.name)).toEqual(["admin"]);
        expect((await db.identity.listRoles()).map((r) => r.name)).toEqual(["admin", "member", "reader"]);
        const projects = await db.identity.listProjects();
        expect(projects.map((p) => p.name)).toEqual(["admin", "demo"]);
        const [admin] = await db.identity.listUsers();
        for (const project of projects) expect((await db.identity.rolesOn(admin.id, project.id)).map((r) => r.name)).toEqual(["admin"]);
      } finally {
        await db.close();
      }
    } finally {
      file.remove();
    }
  });
});
