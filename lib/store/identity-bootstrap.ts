/**
 * Whether the identity bootstrap has run on this database, asked with one read on the SQL driver, so
 * that a start after the first skips the bootstrap's queries (a query for each role, project, the
 * admin user and each grant) and with them the Prisma client, which would otherwise load at every
 * start for them alone (docs/speed.md). The check asks for exactly what the bootstrap makes, so it
 * says yes only when running the bootstrap again would change nothing.
 */
import type { SqlDriver } from "./sql/driver";

/** What a finished bootstrap leaves, all by name: the roles, and `user` holding `role` on each of `projects`. */
export interface BootstrapShape {
  roles: readonly string[];
  user: string;
  role: string;
  projects: readonly string[];
}

/** `n` placeholders for an IN list. */
const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** True when every row `shape` names is stored (one statement: two counts over the identity tables' keys). */
export async function identityBootstrapped(driver: SqlDriver, shape: BootstrapShape): Promise<boolean> {
  const roles = [...new Set(shape.roles)];
  const projects = [...new Set(shape.projects)];
  const sql = `SELECT
    (SELECT COUNT(*) FROM "IdentityRole" WHERE "name" IN (${placeholders(roles.length)})) AS "roles",
    (SELECT COUNT(*) FROM "RoleAssignment" a
      JOIN "IdentityUser" u ON u."id" = a."userId"
      JOIN "IdentityRole" r ON r."id" = a."roleId"
      JOIN "IdentityProject" p ON p."id" = a."projectId"
      WHERE u."name" = ? AND r."name" = ? AND p."name" IN (${placeholders(projects.length)})) AS "grants"`;
  const [row] = await driver.query<{ roles: number | string; grants: number | string }>(sql, [...roles, shape.user, shape.role, ...projects]);
  return Number(row.roles) === roles.length && Number(row.grants) === projects.length;
}
