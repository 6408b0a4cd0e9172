import { PrismaClient } from "~/generated/prisma/client";
import { createAdapter } from "./pg-adapter";
import { getEnv } from "./env.server";

export type { PrismaClient };

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: createAdapter(databaseUrl) });
}

// One client per process; kept on globalThis so that module reloads do not open new pools.
const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  if (!globalForPrisma.__prisma) {
    globalForPrisma.__prisma = createPrismaClient(getEnv().DATABASE_URL);
  }
  return globalForPrisma.__prisma;
}
