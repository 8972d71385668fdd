/**
 * The simulated cloud's SimPersistence port (lib/cloud/sim/persistence.ts) on Prisma: one CloudRow
 * per entity or region, its state as JSON. A batch of changes is applied in one transaction.
 */
import type { SimChanges, SimPersistence, SimRow, SimRowKind } from "../cloud/sim/persistence";
import type { HearthPrisma } from "./client";
import { toJson } from "./records";

/** SimPersistence backed by the CloudRow table. */
export class PrismaSimPersistence implements SimPersistence {
  constructor(private readonly prisma: HearthPrisma) {}

  async load(): Promise<SimRow[]> {
    const rows = await this.prisma.cloudRow.findMany();
    return rows.map((row) => ({ region: row.region, kind: row.kind as SimRowKind, id: row.id, data: row.data }));
  }

  async save(changes: SimChanges): Promise<void> {
    const deletes = changes.deletes.map((key) =>
      this.prisma.cloudRow.deleteMany({ where: { region: key.region, kind: key.kind, id: key.id } }),
    );
    const upserts = changes.upserts.map((row) => {
      const data = toJson(row.data);
      return this.prisma.cloudRow.upsert({
        where: { region_kind_id: { region: row.region, kind: row.kind, id: row.id } },
        create: { region: row.region, kind: row.kind, id: row.id, data },
        update: { data },
      });
    });
    await this.prisma.$transaction([...deletes, ...upserts]);
  }
}
