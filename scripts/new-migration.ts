// `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that
// takes the committed migrations to the current schema.prisma (the working replacement for `prisma migrate dev`,
// which is unreliable with the JS engine). Needs a PostgreSQL server for the shadow database: DATABASE_URL or embedded.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { resolveDatabase } from "./infra/postgres";
import { labelled } from "./infra/log";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>   (e.g. add_comment_tags)");
  process.exit(2);
}

const log = labelled("db");
const db = await resolveDatabase("throwaway", log);
try {
  const result = spawnSync(
    "npx",
    ["prisma", "migrate", "diff", "--config", "prisma/prisma.config.ts", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--exit-code"],
    { env: { ...process.env, DATABASE_URL: db.url }, encoding: "utf8" },
  );
  if (result.status === 0) {
    log("schema.prisma matches the migrations: nothing to do");
  } else if (result.status === 2) {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma/migrations", `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), result.stdout);
    log(`wrote ${dir}/migration.sql — review it, then commit it`);
  } else {
    console.error(result.stdout, result.stderr);
    process.exitCode = 1;
  }
} finally {
  await db.stop();
}
