import { spawnSync } from "node:child_process";

/** Applies committed migrations (prisma migrate deploy through the JS engine). */
export function migrateDeploy(databaseUrl: string): void {
  const result = spawnSync("npx", ["prisma", "migrate", "deploy", "--config", "prisma/prisma.config.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`数据库迁移失败 / prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  }
}
