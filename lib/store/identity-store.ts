/**
 * Identity rows in the database (users, projects, roles, role assignments, tokens; groups and
 * catalogue records in identity-directory-store.ts): the IdentityStore port (ports.ts) on Prisma. A
 * user's roles on a project are its own and those of the groups it is a member of.
 */
import { PrismaIdentityDirectory } from "./identity-directory-store";
import type { IdentityStore, ProjectPatch, ProjectRow, RoleRow, TokenRow, UserPatch, UserRow } from "./ports";

/** Prisma-backed identity rows. */
export class PrismaIdentityStore extends PrismaIdentityDirectory implements IdentityStore {
  /** A user by id or name; undefined when absent. */
  async findUser(ref: string): Promise<UserRow | undefined> {
    return (await this.prisma.identityUser.findFirst({ where: { OR: [{ id: ref }, { name: ref }] } })) ?? undefined;
  }

  /** Adds a user; false when the name is taken. */
  async addUser(row: UserRow): Promise<boolean> {
    const { count } = await this.prisma.identityUser.createMany({ data: [row] }).catch(() => ({ count: 0 }));
    return count === 1;
  }

  /** Every user, by name. */
  listUsers(): Promise<UserRow[]> {
    return this.prisma.identityUser.findMany({ orderBy: { name: "asc" } });
  }

  /** Changes a user; false when the new name is taken. */
  async updateUser(id: string, patch: UserPatch): Promise<boolean> {
    return this.prisma.identityUser.updateMany({ where: { id }, data: patch }).then(() => true, () => false);
  }

  /** Deletes a user with its role assignments, memberships and tokens (nothing when absent). */
  async deleteUser(id: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.roleAssignment.deleteMany({ where: { userId: id } }),
      this.prisma.groupMembership.deleteMany({ where: { userId: id } }),
      this.prisma.identityToken.deleteMany({ where: { userId: id } }),
      this.prisma.identityUser.deleteMany({ where: { id } }),
    ]);
  }

  /** A project by id or name; undefined when absent. */
  async findProject(ref: string): Promise<ProjectRow | undefined> {
    return (await this.prisma.identityProject.findFirst({ where: { OR: [{ id: ref }, { name: ref }] } })) ?? undefined;
  }

  /** Adds a project; false when the id or name is taken. */
  async addProject(row: ProjectRow): Promise<boolean> {
    const { count } = await this.prisma.identityProject.createMany({ data: [row] }).catch(() => ({ count: 0 }));
    return count === 1;
  }

  /** Every project, by name. */
  listProjects(): Promise<ProjectRow[]> {
    return this.prisma.identityProject.findMany({ orderBy: { name: "asc" } });
  }

  /** Changes a project; false when the new name is taken. */
  async updateProject(id: string, patch: ProjectPatch): Promise<boolean> {
    return this.prisma.identityProject.updateMany({ where: { id }, data: patch }).then(() => true, () => false);
  }

  /** Deletes a project with the role assignments (users' and groups') on it and the tokens scoped to it (nothing when absent). */
  async deleteProject(id: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.roleAssignment.deleteMany({ where: { projectId: id } }),
      this.prisma.groupRoleAssignment.deleteMany({ where: { projectId: id } }),
      this.prisma.identityToken.deleteMany({ where: { projectId: id } }),
      this.prisma.identityProject.deleteMany({ where: { id } }),
    ]);
  }

  /** Makes sure each role exists (by name), returning them all. */
  async ensureRoles(roles: RoleRow[]): Promise<RoleRow[]> {
    const known = new Set((await this.listRoles()).map((r) => r.name));
    // a concurrent first start may insert the same names: a unique-name clash just means it exists
    for (const role of roles) if (!known.has(role.name)) await this.prisma.identityRole.createMany({ data: [role] }).catch(() => undefined);
    return this.listRoles();
  }

  /** Every role, by name. */
  listRoles(): Promise<RoleRow[]> {
    return this.prisma.identityRole.findMany({ orderBy: { name: "asc" } });
  }

  /** Adds a role; false when the name is taken. */
  async addRole(row: RoleRow): Promise<boolean> {
    const { count } = await this.prisma.identityRole.createMany({ data: [row] }).catch(() => ({ count: 0 }));
    return count === 1;
  }

  /** Renames a role; false when the name is taken. */
  async renameRole(id: string, name: string): Promise<boolean> {
    return this.prisma.identityRole.updateMany({ where: { id }, data: { name } }).then(() => true, () => false);
  }

  /** Deletes a role with its assignments, users' and groups' (nothing when absent). */
  async deleteRole(id: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.roleAssignment.deleteMany({ where: { roleId: id } }),
      this.prisma.groupRoleAssignment.deleteMany({ where: { roleId: id } }),
      this.prisma.identityRole.deleteMany({ where: { id } }),
    ]);
  }

  /** Takes a role grant back (idempotent). */
  async unassign(userId: string, projectId: string, roleId: string): Promise<void> {
    await this.prisma.roleAssignment.deleteMany({ where: { userId, projectId, roleId } });
  }

  /** Grants a role (idempotent). */
  async assign(userId: string, projectId: string, roleId: string): Promise<void> {
    const key = { userId, projectId, roleId };
    if (await this.prisma.roleAssignment.findUnique({ where: { userId_projectId_roleId: key } })) return;
    await this.prisma.roleAssignment.createMany({ data: [key] }).catch(() => undefined);
  }

  /** The roles `userId` holds on `projectId`, its own and its groups', by name. */
  async rolesOn(userId: string, projectId: string): Promise<RoleRow[]> {
    const groupId = { in: await this.groupIdsOf(userId) };
    const [own, viaGroups] = await Promise.all([
      this.prisma.roleAssignment.findMany({ where: { userId, projectId } }),
      this.prisma.groupRoleAssignment.findMany({ where: { groupId, projectId } }),
    ]);
    const ids = [...new Set([...own, ...viaGroups].map((r) => r.roleId))];
    return this.prisma.identityRole.findMany({ where: { id: { in: ids } }, orderBy: { name: "asc" } });
  }

  /** Projects `userId` holds any role on, its own or through a group. */
  async projectsOf(userId: string): Promise<ProjectRow[]> {
    const groupId = { in: await this.groupIdsOf(userId) };
    const [own, viaGroups] = await Promise.all([
      this.prisma.roleAssignment.findMany({ where: { userId }, select: { projectId: true } }),
      this.prisma.groupRoleAssignment.findMany({ where: { groupId }, select: { projectId: true } }),
    ]);
    const ids = [...new Set([...own, ...viaGroups].map((r) => r.projectId))];
    return this.prisma.identityProject.findMany({ where: { id: { in: ids } }, orderBy: { name: "asc" } });
  }

  private async groupIdsOf(userId: string): Promise<string[]> {
    return (await this.prisma.groupMembership.findMany({ where: { userId }, select: { groupId: true } })).map((m) => m.groupId);
  }

  /** Stores an issued token. */
  async addToken(row: TokenRow): Promise<void> {
    await this.prisma.identityToken.create({ data: row });
  }

  /** A token by hash; undefined when unknown. */
  async findToken(hash: string): Promise<TokenRow | undefined> {
    return (await this.prisma.identityToken.findUnique({ where: { hash } })) ?? undefined;
  }

  /** Marks a token revoked; false when it is unknown. */
  async revokeToken(hash: string, at: string): Promise<boolean> {
    const { count } = await this.prisma.identityToken.updateMany({ where: { hash, revokedAt: null }, data: { revokedAt: at } });
    return count === 1;
  }

  /** Revoked tokens not expired at `now`, revoked at or after `since`, oldest revocation first, at most `limit`. */
  async revokedTokens(since: string, now: string, limit: number): Promise<TokenRow[]> {
    return this.prisma.identityToken.findMany({ where: { expiresAt: { gt: now }, revokedAt: { gte: since } }, orderBy: [{ revokedAt: "asc" }, { hash: "asc" }], take: limit });
  }
}
