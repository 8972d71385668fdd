/**
 * The simulated cloud's SimPersistence port (lib/cloud/sim/persistence.ts) on Prisma: one CloudRow
 * per entity or region, its state as JSON. A batch of changes is applied in one transaction, which
 * also increments the CloudSync counter; comparing that counter with the last one this process
 * loaded or wrote tells whether another process (the console, a CLI run) changed the cloud since.
 */
import type { SimChanges, SimRow, SimRowKind } from "../cloud/sim/persistence";
import type { HearthPrisma } from "./client";
import type { Prisma } from "../../generated/prisma/client";
import type { SharedSimPersistence } from "./ports";

/** A plain JSON copy of a value, typed for Prisma's Json column (undefined members dropped, as JSON.stringify does). */
function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as Prisma.InputJsonValue;
}

/** The single CloudSync row's id. */
const SYNC_ID = 1;

/** SimPersistence backed by the CloudRow table, with change detection across processes. */
export class PrismaSimPersistence implements SharedSimPersistence {
  /** CloudSync version this process's memory reflects (undefined before the first load). */
  private known: number | undefined;
  /** Set when a save found that someone else had written since our last load. */
  private overtaken = false;

  constructor(
    private readonly prisma: HearthPrisma,
    /** Recorded as the last writer (for diagnostics). */
    private readonly writer: string,
  ) {}

  async load(): Promise<SimRow[]> {
    const [rows, version] = await this.prisma.$transaction([this.prisma.cloudRow.findMany(), this.prisma.cloudSync.findUnique({ where: { id: SYNC_ID } })]);
    this.known = version?.version ?? 0;
    this.overtaken = false;
    return rows.map((row) => ({ region: row.region, kind: row.kind as SimRowKind, id: row.id, data: row.data }));
  }

  async save(changes: SimChanges): Promise<void> {
    await this.prisma.$transaction(
      async (tx) => {
        // Bump the counter first: the transaction's first statement is a write, so it takes the
        // write lock at once (a read first could fail to upgrade when another process wrote).
        const [{ version }] = await tx.$queryRaw<{ version: number | bigint }[]>`
          INSERT INTO "CloudSync" ("id", "version", "writer") VALUES (${SYNC_ID}, 1, ${this.writer})
          ON CONFLICT ("id") DO UPDATE SET "version" = "CloudSync"."version" + 1, "writer" = excluded."writer"
          RETURNING "version"`;
        const next = Number(version);
        if (next - 1 !== (this.known ?? 0)) this.overtaken = true;
        for (const key of changes.deletes) await tx.cloudRow.deleteMany({ where: { region: key.region, kind: key.kind, id: key.id } });
        for (const row of changes.upserts) {
          const data = toJson(row.data);
          await tx.cloudRow.upsert({
            where: { region_kind_id: { region: row.region, kind: row.kind, id: row.id } },
            create: { region: row.region, kind: row.kind, id: row.id, data },
            update: { data },
          });
        }
        this.known = next;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  }

  /** True when another process saved cloud changes after this one last loaded (reload before use). */
  async changedElsewhere(): Promise<boolean> {
    if (this.overtaken) return true;
    const row = await this.prisma.cloudSync.findUnique({ where: { id: SYNC_ID } });
    return (row?.version ?? 0) !== this.known;
  }
}
