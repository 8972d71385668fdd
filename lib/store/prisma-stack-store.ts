/**
 * PrismaStackStore: the engine's StackStore port on Prisma (SQLite by default, PostgreSQL for peers).
 * Locks are leases taken with conditional writes (free, expired, or already mine), so several
 * processes sharing one database (the console server and a CLI run) never operate a stack together.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "../../generated/prisma/client";
import { conflict, notFound } from "../engine/errors";
import type { EventRecord, ResourceRecord, StackFilter, StackLock, StackRecord, StackStore } from "../engine/ports";
import type { HearthPrisma } from "./client";
import type { EventFeed } from "./ports";
import { resourceToRow, rowToEvent, rowToResource, rowToStack, stackToRow } from "./records";

/** Options of the store. */
export interface PrismaStackStoreOptions {
  /** Wall clock for lock expiry (epoch ms); shared by every process, so the default is Date.now. */
  now?: () => number;
}

/** True when a Prisma error is a unique-constraint violation. */
function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The StackStore port implemented with Prisma. */
export class PrismaStackStore implements StackStore, EventFeed {
  private readonly now: () => number;

  constructor(
    private readonly prisma: HearthPrisma,
    options: PrismaStackStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  async createStack(record: StackRecord): Promise<void> {
    try {
      await this.prisma.stack.create({ data: stackToRow(record) as Prisma.StackUncheckedCreateInput });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`stack id ${record.id} already exists`);
      throw error;
    }
  }

  async getStack(id: string): Promise<StackRecord | undefined> {
    const row = await this.prisma.stack.findUnique({ where: { id } });
    return row ? rowToStack(row) : undefined;
  }

  async findStackByName(projectId: string, name: string): Promise<StackRecord | undefined> {
    const row = await this.prisma.stack.findFirst({
      where: { projectId, name, deletedAt: null },
      orderBy: { createdAt: "desc" },
    });
    return row ? rowToStack(row) : undefined;
  }

  async listStacks(filter: StackFilter): Promise<StackRecord[]> {
    const where: Prisma.StackWhereInput = {};
    if (filter.projectId !== undefined) where.projectId = filter.projectId;
    if (filter.name !== undefined) where.name = filter.name;
    if (filter.parentId !== undefined) where.parentId = filter.parentId;
    else if (!filter.includeNested) where.parentId = null;
    if (!filter.includeDeleted) where.deletedAt = null;
    const rows = await this.prisma.stack.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    const stacks = rows.map(rowToStack);
    return filter.status === undefined ? stacks : stacks.filter((s) => matchesStatus(s, filter.status!));
  }

  async updateStack(id: string, patch: Partial<StackRecord>): Promise<void> {
    const { id: _ignored, ...fields } = patch;
    const result = await this.prisma.stack.updateMany({ where: { id }, data: stackToRow(fields) as Prisma.StackUncheckedUpdateManyInput });
    if (result.count === 0) throw notFound(`stack ${id}`);
  }

  async purgeStack(id: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.resource.deleteMany({ where: { stackId: id } }),
      this.prisma.event.deleteMany({ where: { stackId: id } }),
      this.prisma.stackLock.deleteMany({ where: { stackId: id } }),
      this.prisma.stack.deleteMany({ where: { id } }),
    ]);
  }

  async listResources(stackId: string): Promise<ResourceRecord[]> {
    const rows = await this.prisma.resource.findMany({ where: { stackId }, orderBy: [{ createdAt: "asc" }, { name: "asc" }, { id: "asc" }] });
    return rows.map(rowToResource);
  }

  async saveResource(record: ResourceRecord): Promise<void> {
    const row = resourceToRow(record);
    await this.prisma.resource.upsert({ where: { id: record.id }, create: row, update: row });
  }

  async deleteResource(id: string): Promise<void> {
    await this.prisma.resource.deleteMany({ where: { id } });
  }

  async appendEvent(event: Omit<EventRecord, "id" | "seq">): Promise<EventRecord> {
    // The SQLite driver is synchronous, so a busy engine can run for seconds on promises alone and
    // the event loop never reaches I/O: let it turn once per event, so streams (SSE) and requests flow.
    await new Promise((resolve) => setImmediate(resolve));
    const row = await this.prisma.event.create({ data: { ...event, id: randomUUID() } });
    return rowToEvent(row);
  }

  async listEvents(stackId: string, afterSeq = 0, limit?: number): Promise<EventRecord[]> {
    const rows = await this.prisma.event.findMany({ where: { stackId, seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: limit });
    return rows.map(rowToEvent);
  }

  async eventsAfter(afterSeq: number, limit: number): Promise<EventRecord[]> {
    const rows = await this.prisma.event.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: limit });
    return rows.map(rowToEvent);
  }

  async lastEventSeq(): Promise<number> {
    const result = await this.prisma.event.aggregate({ _max: { seq: true } });
    return result._max.seq ?? 0;
  }

  async acquireLock(stackId: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const expiresAt = BigInt(Math.ceil(now + ttlMs));
    // Take over a lock that is mine or has expired, in one conditional write.
    const taken = await this.prisma.stackLock.updateMany({
      where: { stackId, OR: [{ owner }, { expiresAt: { lte: BigInt(Math.floor(now)) } }] },
      data: { owner, expiresAt },
    });
    if (taken.count > 0) return true;
    try {
      await this.prisma.stackLock.create({ data: { stackId, owner, expiresAt } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async renewLock(stackId: string, owner: string, ttlMs: number): Promise<boolean> {
    const expiresAt = BigInt(Math.ceil(this.now() + ttlMs));
    const renewed = await this.prisma.stackLock.updateMany({ where: { stackId, owner }, data: { expiresAt } });
    return renewed.count > 0;
  }

  async releaseLock(stackId: string, owner: string): Promise<void> {
    await this.prisma.stackLock.deleteMany({ where: { stackId, owner } });
  }

  async getLock(stackId: string): Promise<StackLock | undefined> {
    const row = await this.prisma.stackLock.findUnique({ where: { stackId } });
    return row ? { stackId: row.stackId, owner: row.owner, expiresAt: Number(row.expiresAt) } : undefined;
  }

  async expiredLocks(now: number): Promise<StackLock[]> {
    const rows = await this.prisma.stackLock.findMany({ where: { expiresAt: { lte: BigInt(Math.floor(now)) } } });
    return rows.map((row) => ({ stackId: row.stackId, owner: row.owner, expiresAt: Number(row.expiresAt) }));
  }
}

/** A status filter matches Heat's full status (CREATE_COMPLETE) or just the status part (COMPLETE). */
function matchesStatus(stack: StackRecord, status: string): boolean {
  const wanted = status.toUpperCase();
  return wanted === `${stack.action}_${stack.status}` || wanted === stack.status;
}
