// Each test file gets its own database, cloned from the migrated template that `npm test` prepares.
import crypto from "node:crypto";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "../../app/utils/db.server";

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\` (scripts/test.ts)`);
  return value;
}

export function adminUrl(): string {
  return requireEnv("TEST_ADMIN_DATABASE_URL");
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * CREATE DATABASE … TEMPLATE fails with 55006 while another session uses the template, which includes another test
 * file cloning it at the same moment: try again until a deadline.
 */
async function cloneTemplate(name: string, template: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
}

/** A fresh database. `template: false` gives an empty one (no migrations applied). */
export async function createTestDatabase(options: { template?: boolean } = {}): Promise<TestDatabase> {
  const name = `lifa_t_${crypto.randomBytes(6).toString("hex")}`;
  const template = options.template === false ? "template0" : requireEnv("TEST_TEMPLATE_DATABASE");
  await cloneTemplate(name, template);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const prisma = createPrismaClient(url.toString());
  return {
    url: url.toString(),
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
