/**
 * The identity directory's rows in the database: groups, their memberships and role grants, and the
 * catalogue records (domains, services, endpoints, regions, their kind's fields as JSON). The
 * IdentityDirectoryStore port (ports.ts) on Prisma; PrismaIdentityStore extends it.
 */
import type { IdentityRecordFields, IdentityRecordKind } from "../engine/ports";
import type { HearthPrisma } from "./prisma-client";
import type { GroupRow, IdentityDirectoryStore, RecordRow, UserRow } from "./ports";

type StoredRecord = { kind: string; id: string; name: string; data: string; createdAt: string };

const recordRow = ({ kind, id, name, data, createdAt }: StoredRecord): RecordRow => ({
  kind: kind as IdentityRecordKind,
  id,
  name,
  fields: JSON.parse(data) as IdentityRecordFields,
  createdAt,
});

/** Prisma-backed groups and catalogue records. */
export class PrismaIdentityDirectory implements IdentityDirectoryStore {
  constructor(protected readonly prisma: HearthPrisma) {}

  /** A group by id or name; undefined when absent. */
  async findGroup(ref: string): Promise<GroupRow | undefined> {
    return (await this.prisma.identityGroup.findFirst({ where: { OR: [{ id: ref }, { name: ref }] } })) ?? undefined;
  }

  /** Adds a group; false when the name is taken. */
  async addGroup(row: GroupRow): Promise<boolean> {
    const { count } = await this.prisma.identityGroup.createMany({ data: [row] }).catch(() => ({ count: 0 }));
    return count === 1;
  }

  /** Every group, by name. */
  listGroups(): Promise<GroupRow[]> {
    return this.prisma.identityGroup.findMany({ orderBy: { name: "asc" } });
  }

  /** Changes a group; false when the new name is taken. */
  async updateGroup(id: string, patch: Partial<Pick<GroupRow, "name" | "description">>): Promise<boolean> {
    return this.prisma.identityGroup.updateMany({ where: { id }, data: patch }).then(() => true, () => false);
  }

  /** Deletes a group with its memberships and grants (nothing when absent). */
  async deleteGroup(id: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.groupMembership.deleteMany({ where: { groupId: id } }),
      this.prisma.groupRoleAssignment.deleteMany({ where: { groupId: id } }),
      this.prisma.identityGroup.deleteMany({ where: { id } }),
    ]);
  }

  /** Makes a user a member (idempotent). */
  async addMember(groupId: string, userId: string): Promise<void> {
    if (await this.prisma.groupMembership.findUnique({ where: { groupId_userId: { groupId, userId } } })) return;
    await this.prisma.groupMembership.createMany({ data: [{ groupId, userId }] }).catch(() => undefined);
  }

  /** Ends a membership (idempotent). */
  async removeMember(groupId: string, userId: string): Promise<void> {
    await this.prisma.groupMembership.deleteMany({ where: { groupId, userId } });
  }

  /** The group's members, by name. */
  async membersOf(groupId: string): Promise<UserRow[]> {
    const ids = (await this.prisma.groupMembership.findMany({ where: { groupId } })).map((m) => m.userId);
    return this.prisma.identityUser.findMany({ where: { id: { in: ids } }, orderBy: { name: "asc" } });
  }

  /** Grants a group a role on a project (idempotent). */
  async assignGroup(groupId: string, projectId: string, roleId: string): Promise<void> {
    const key = { groupId, projectId, roleId };
    if (await this.prisma.groupRoleAssignment.findUnique({ where: { groupId_projectId_roleId: key } })) return;
    await this.prisma.groupRoleAssignment.createMany({ data: [key] }).catch(() => undefined);
  }

  /** Takes a group's grant back (idempotent). */
  async unassignGroup(groupId: string, projectId: string, roleId: string): Promise<void> {
    await this.prisma.groupRoleAssignment.deleteMany({ where: { groupId, projectId, roleId } });
  }

  /** A record of `kind` by id or name (the oldest of that name); undefined when absent. */
  async findRecord(kind: IdentityRecordKind, ref: string): Promise<RecordRow | undefined> {
    const row = await this.prisma.identityRecord.findFirst({ where: { kind, OR: [{ id: ref }, { name: ref }] }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    return row ? recordRow(row) : undefined;
  }

  /** Adds a record; false when its id is taken. */
  async addRecord({ fields, ...row }: RecordRow): Promise<boolean> {
    const { count } = await this.prisma.identityRecord.createMany({ data: [{ ...row, data: JSON.stringify(fields) }] }).catch(() => ({ count: 0 }));
    return count === 1;
  }

  /** Every record of `kind`, oldest first. */
  async listRecords(kind: IdentityRecordKind): Promise<RecordRow[]> {
    return (await this.prisma.identityRecord.findMany({ where: { kind }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map(recordRow);
  }

  /** Replaces a record's name and fields. */
  async updateRecord(kind: IdentityRecordKind, id: string, name: string, fields: IdentityRecordFields): Promise<void> {
    await this.prisma.identityRecord.updateMany({ where: { kind, id }, data: { name, data: JSON.stringify(fields) } });
  }

  /** Deletes a record (nothing when absent). */
  async deleteRecord(kind: IdentityRecordKind, id: string): Promise<void> {
    await this.prisma.identityRecord.deleteMany({ where: { kind, id } });
  }
}
