/** Service secrets in the database (table ServiceSecret): the SecretStore port (ports.ts) on Prisma. */
import type { HearthPrisma } from "./client";
import type { SecretStore } from "./ports";

/** Prisma-backed service secrets. */
export class PrismaSecretStore implements SecretStore {
  constructor(private readonly prisma: HearthPrisma) {}

  async get(name: string): Promise<string | undefined> {
    return (await this.prisma.serviceSecret.findUnique({ where: { name } }))?.value;
  }

  async putIfAbsent(name: string, value: string): Promise<string> {
    await this.prisma.serviceSecret.upsert({ where: { name }, create: { name, value }, update: {} });
    return (await this.prisma.serviceSecret.findUniqueOrThrow({ where: { name } })).value;
  }

  async put(name: string, value: string): Promise<void> {
    await this.prisma.serviceSecret.upsert({ where: { name }, create: { name, value }, update: { value } });
  }
}
