// The test command: brings up PostgreSQL and Redis (throwaway ones unless DATABASE_URL / REDIS_URL are set),
// builds the app, prepares a migrated template database, then runs Vitest. Each test file clones the template.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { resolveDatabase, withDatabase } from "./infra/postgres";
import { resolveRedis } from "./infra/redis";
import { migrateDeploy } from "./infra/migrate";
import { localSecrets } from "./infra/secrets";
import { labelled } from "./infra/log";

const log = labelled("test");

async function main(): Promise<number> {
  const db = await resolveDatabase("throwaway", log);
  let redis;
  try {
    redis = await resolveRedis("throwaway", log);
  } catch (e) {
    await db.stop();
    throw e;
  }
  const adminUrl = withDatabase(db.url, "postgres");
  const template = `lifa_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${template}"`);
    log("applying migrations to the template database");
    migrateDeploy(withDatabase(db.url, template));
    log("building the web app (remix build)");
    const build = spawnSync("npx", ["remix", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("remix build failed");
    log("type-checking (tsc --noEmit)");
    if (spawnSync("npx", ["tsc", "--noEmit", "-p", "."], { stdio: "inherit" }).status !== 0) throw new Error("type errors (see above)");
    const args = ["vitest", "run", ...process.argv.slice(2)];
    const result = spawnSync("npx", args, {
      stdio: "inherit",
      env: {
        ...process.env,
        ...localSecrets(false),
        NODE_ENV: "test",
        TEST_ADMIN_DATABASE_URL: adminUrl,
        TEST_TEMPLATE_DATABASE: template,
        REDIS_URL: redis.url,
      },
    });
    return result.status ?? 1;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => {});
    await admin.end();
    await redis.stop();
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
