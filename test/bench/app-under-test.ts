// The running platform for benchmarks that load it over HTTP: a throwaway PostgreSQL and Redis (or DATABASE_URL /
// REDIS_URL), a fresh database with the demo data, the built app, and web processes started with the settings a
// benchmark asks for (e.g. limits raised). Set up once per `npm run bench`, torn down at the end.
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { resolveDatabase, withDatabase, type DatabaseHandle } from "../../scripts/infra/postgres";
import { resolveRedis, type RedisHandle } from "../../scripts/infra/redis";
import { migrateDeploy } from "../../scripts/infra/migrate";
import { localSecrets } from "../../scripts/infra/secrets";
import { freePort, waitForPort } from "../../scripts/infra/free-port";
import { startProcess, type ManagedProcess } from "../../scripts/infra/processes";
import { createPrismaClient, type PrismaClient } from "../../app/utils/db.server";
import { loadDemoData } from "../../seeds/load-demo-data";

export interface AppUnderTest {
  databaseUrl: string;
  prisma: PrismaClient;
  /** Starts a web process with extra settings; stopped by teardown(). */
  startWeb(extraEnv?: Record<string, string>): Promise<{ url: string; logs: string[]; stop(): Promise<void> }>;
}

let setup: Promise<{ app: AppUnderTest; teardown: () => Promise<void> }> | undefined;

async function create(): Promise<{ app: AppUnderTest; teardown: () => Promise<void> }> {
  const log = (line: string) => console.log(`[bench] ${line}`);
  const db: DatabaseHandle = await resolveDatabase("throwaway", log);
  const redis: RedisHandle = await resolveRedis("throwaway", log);
  const name = `lifa_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDatabase(db.url, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const databaseUrl = withDatabase(db.url, name);
  migrateDeploy(databaseUrl);
  if (spawnSync("npx", ["remix", "build"], { stdio: "ignore" }).status !== 0) throw new Error("remix build failed");
  const prisma = createPrismaClient(databaseUrl);
  await loadDemoData(prisma);
  const processes: ManagedProcess[] = [];
  const app: AppUnderTest = {
    databaseUrl,
    prisma,
    async startWeb(extraEnv = {}) {
      const port = await freePort();
      const logs: string[] = [];
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        ...localSecrets(false),
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: `lifa-bench-${crypto.randomBytes(4).toString("hex")}`,
        ...extraEnv,
      };
      const web = startProcess("web", env, (line) => logs.push(line));
      processes.push(web);
      await waitForPort(port);
      return { url: `http://127.0.0.1:${port}`, logs, stop: () => web.stop() };
    },
  };
  return {
    app,
    teardown: async () => {
      await Promise.all(processes.map((p) => p.stop()));
      await prisma.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await admin.end();
      await redis.stop();
      await db.stop();
    },
  };
}

export async function appUnderTest(): Promise<AppUnderTest> {
  setup ??= create();
  return (await setup).app;
}

/** Stops what appUnderTest() started, if anything. */
export async function tearDownAppUnderTest(): Promise<void> {
  if (setup) await (await setup).teardown();
}
