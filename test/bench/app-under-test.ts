// The running platform for benchmarks that load it over HTTP: a throwaway PostgreSQL and Redis (or DATABASE_URL /
// REDIS_URL), a fresh database with the demo data, the built app, and web processes started with the settings a
// benchmark asks for (e.g. limits raised), and collab-server processes sharing one COLLAB_SECRET. Set up once per
// `npm run bench`, torn down at the end; the app is built only when a web process is first asked for.
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
  /** The COLLAB_SECRET of every collab-server process started here (tokens signed with it open any of them). */
  collabSecret: string;
  /**
   * Starts collab-server (collab-server/index.ts, as `npm start` runs it) with extra settings, on `port` when given
   * (a restart on the same address); stopped by teardown() unless stopped or killed before.
   */
  startCollab(extraEnv?: Record<string, string>, port?: number): Promise<CollabProcess>;
}

export interface CollabProcess {
  /** ws://127.0.0.1:PORT, what clients connect to (`${url}/${docName}?token=…`). */
  url: string;
  port: number;
  pid: number;
  logs: string[];
  /** SIGTERM: stores every document, then exits. */
  stop(): Promise<void>;
  /** SIGKILL, resolving once the process is gone. */
  kill9(): Promise<void>;
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
  let built = false;
  const prisma = createPrismaClient(databaseUrl);
  await loadDemoData(prisma);
  const processes: ManagedProcess[] = [];
  const collabSecret = crypto.randomBytes(32).toString("hex");
  const collabQueuePrefix = `lifa-bench-collab-${crypto.randomBytes(4).toString("hex")}`;
  const app: AppUnderTest = {
    databaseUrl,
    prisma,
    async startWeb(extraEnv = {}) {
      if (!built) {
        if (spawnSync("npx", ["remix", "build"], { stdio: "ignore" }).status !== 0) throw new Error("remix build failed");
        built = true;
      }
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
    collabSecret,
    async startCollab(extraEnv = {}, port?: number) {
      port ??= await freePort();
      const logs: string[] = [];
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NODE_ENV: "production",
        COLLAB_HOST: "127.0.0.1",
        COLLAB_PORT: String(port),
        COLLAB_SECRET: collabSecret,
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        // Shared by every collab-server of this run: processes of one deployment meet on its Redis channels.
        QUEUE_PREFIX: collabQueuePrefix,
        ...extraEnv,
      };
      delete env.SESSION_SECRET;
      const collab = startProcess("collab", env, (line) => logs.push(line));
      processes.push(collab);
      const exitedEarly = collab.exited.then((code) => {
        throw new Error(`collab-server exited with ${code} before listening:\n${logs.slice(-20).join("\n")}`);
      });
      await Promise.race([waitForPort(port), exitedEarly]);
      exitedEarly.catch(() => {});
      return {
        url: `ws://127.0.0.1:${port}`,
        port,
        pid: collab.child.pid!,
        logs,
        stop: () => collab.stop(),
        async kill9() {
          if (collab.child.exitCode !== null || collab.child.signalCode !== null) return;
          collab.child.kill("SIGKILL");
          await collab.exited;
        },
      };
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
