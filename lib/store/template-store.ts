/**
 * Saved designer templates in the database (the TemplateStore port of ports.ts): every save adds a
 * version (1, 2, ...) of one template id; nothing is overwritten, so earlier versions can be reopened.
 */
import type { HearthPrisma } from "./prisma-client";
import type { SavedTemplateRecord, TemplateStore } from "./ports";

/** Prisma-backed store of saved templates. */
export class PrismaTemplateStore implements TemplateStore {
  constructor(private readonly prisma: HearthPrisma) {}

  /** Adds the next version of template `id` (version 1 when new). */
  async addVersion(id: string, name: string, text: string, createdAt: string): Promise<SavedTemplateRecord> {
    return this.prisma.$transaction(async (tx) => {
      const last = await tx.savedTemplate.findFirst({ where: { id }, orderBy: { version: "desc" }, select: { version: true } });
      const row = { id, version: (last?.version ?? 0) + 1, name, text, createdAt };
      await tx.savedTemplate.create({ data: row });
      return row;
    });
  }

  /** A version of a template (default: the latest); undefined when there is none. */
  async get(id: string, version?: number): Promise<SavedTemplateRecord | undefined> {
    const row = await this.prisma.savedTemplate.findFirst({
      where: version === undefined ? { id } : { id, version },
      orderBy: { version: "desc" },
    });
    return row ?? undefined;
  }

  /** The latest version of every template, newest first. */
  async listLatest(): Promise<SavedTemplateRecord[]> {
    const rows = await this.prisma.savedTemplate.findMany({ orderBy: [{ id: "asc" }, { version: "desc" }] });
    const latest = new Map<string, SavedTemplateRecord>();
    for (const row of rows) if (!latest.has(row.id)) latest.set(row.id, row);
    return [...latest.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Every version of one template, newest first (without texts). */
  async versions(id: string): Promise<Omit<SavedTemplateRecord, "text">[]> {
    return this.prisma.savedTemplate.findMany({
      where: { id },
      orderBy: { version: "desc" },
      select: { id: true, version: true, name: true, createdAt: true },
    });
  }
}
