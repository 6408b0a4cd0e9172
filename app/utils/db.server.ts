import { PrismaClient } from "~/generated/prisma/client";
import { createAdapter } from "./pg-adapter";

export type { PrismaClient };

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: createAdapter(databaseUrl) });
}

// One client per process; kept on globalThis so that module reloads do not open new pools.
const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  if (!globalForPrisma.__prisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForPrisma.__prisma = createPrismaClient(url);
  }
  return globalForPrisma.__prisma;
}
