// The run command (`npm start`): PostgreSQL and Redis (embedded/local unless DATABASE_URL / REDIS_URL are set),
// build, migrate, seed an empty database, then web + collab-server + worker with labelled logs. Ctrl-C stops all.
import { spawnSync } from "node:child_process";
import { resolveDatabase } from "./infra/postgres";
import { resolveRedis } from "./infra/redis";
import { migrateDeploy } from "./infra/migrate";
import { localSecrets } from "./infra/secrets";
import { labelled } from "./infra/log";
import { waitForPort } from "./infra/free-port";
import { startProcess, type ManagedProcess } from "./infra/processes";
import { createPrismaClient } from "../app/utils/db.server";
import { loadDemoData } from "../seeds/load-demo-data";
import { loadSampleComments } from "../seeds/sample-comments";
import { DEMO_PASSWORD, USERS } from "../seeds/demo-data";
import { ROLE_LABELS } from "../app/utils/roles";

const log = labelled("platform");
const cleanups: Array<() => Promise<void>> = [];
let stopping = false;

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  log("正在停止 / stopping…");
  for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => log(String(e)));
  process.exit(code);
}

async function seedIfEmpty(databaseUrl: string) {
  const prisma = createPrismaClient(databaseUrl);
  try {
    if ((await prisma.user.count()) > 0) return log("数据库已有数据，跳过演示数据 / database not empty, demo data not loaded");
    log("载入演示数据 / loading demo data");
    await loadDemoData(prisma);
    const samples = await loadSampleComments(prisma);
    log(`载入示例意见 ${samples} 条 / ${samples} sample comments loaded`);
  } finally {
    await prisma.$disconnect();
  }
}

function banner(url: string) {
  const accounts = USERS.filter((u) => u.demo).map((u) => `    ${ROLE_LABELS[u.role].padEnd(6, "　")} ${u.username.padEnd(12)} ${DEMO_PASSWORD}   ${u.displayName}`);
  log(["", `立法意见征集平台已启动 / platform is up: ${url}`, "  演示账号 / demo accounts (角色 用户名 密码):", ...accounts, "  按 Ctrl-C 停止 / press Ctrl-C to stop", ""].join("\n"));
}

async function main() {
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));

  const db = await resolveDatabase("persistent", labelled("db"));
  cleanups.push(() => db.stop());
  const redis = await resolveRedis("persistent", labelled("redis"));
  cleanups.push(() => redis.stop());

  log("构建前端 / building (remix build)");
  if (spawnSync("npx", ["remix", "build"], { stdio: "inherit" }).status !== 0) throw new Error("remix build failed");
  log("数据库迁移 / applying migrations");
  migrateDeploy(db.url);
  await seedIfEmpty(db.url);

  const port = Number(process.env.PORT ?? 3000);
  const collabPort = Number(process.env.COLLAB_PORT ?? 3001);
  const env = {
    ...process.env,
    ...localSecrets(true),
    NODE_ENV: process.env.NODE_ENV ?? "production",
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    PORT: String(port),
    COLLAB_PORT: String(collabPort),
    HOST: process.env.HOST ?? "127.0.0.1",
    // Phones on the LAN need both the pages and the minutes' websocket: collab-server follows HOST unless told.
    COLLAB_HOST: process.env.COLLAB_HOST ?? process.env.HOST ?? "127.0.0.1",
  };
  const children: ManagedProcess[] = (["web", "collab", "worker"] as const).map((name) => startProcess(name, env, labelled(name)));
  cleanups.push(async () => void (await Promise.all(children.map((c) => c.stop()))));
  for (const child of children) {
    child.exited.then((code) => {
      if (!stopping) {
        log(`${child.name} 意外退出 / exited unexpectedly (code ${code})`);
        void stopAll(1);
      }
    });
  }
  await Promise.all([waitForPort(port, env.HOST === "0.0.0.0" ? "127.0.0.1" : env.HOST), waitForPort(collabPort)]);
  banner(`http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`);
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
});
