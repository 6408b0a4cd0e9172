// The operators' token command: prints a collab token for a user and a document, for operators and load tests.
//   npm run -s collab:token -- --user LOGIN --doc NAME [--read-only] [--ttl SECONDS]
// The user is looked up by login name in the database (DATABASE_URL); the token is signed with COLLAB_SECRET (or,
// on a machine running `npm start`, the one it generated into .data/secrets.json). Only the token goes to stdout.
// Exit codes: 0 printed, 2 bad arguments, 1 anything else (unknown user, missing settings, database unreachable).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { issueCollabToken } from "../../app/utils/collab-token.server";
import { parseTokenArgs, USAGE } from "./token-args";

class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function collabSecret(): string {
  let secret = process.env.COLLAB_SECRET;
  const file = path.resolve(".data/secrets.json");
  if (!secret && fs.existsSync(file)) secret = JSON.parse(fs.readFileSync(file, "utf8")).COLLAB_SECRET;
  if (!secret) throw new CommandError("未设置 COLLAB_SECRET / COLLAB_SECRET is not set (nor found in .data/secrets.json)", 1);
  if (secret.length < 16) throw new CommandError("COLLAB_SECRET 至少 16 个字符 / COLLAB_SECRET must be at least 16 characters", 1);
  return secret;
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new CommandError("未设置 DATABASE_URL / DATABASE_URL is not set", 1);
  if (!/^postgres(ql)?:\/\//.test(url)) throw new CommandError("DATABASE_URL 应为 postgresql:// 地址 / DATABASE_URL must be a postgresql:// URL", 1);
  return url;
}

async function findUser(url: string, username: string): Promise<{ id: string; displayName: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ id: string; displayName: string }>(
      `SELECT "id", "displayName" FROM "User" WHERE "username" = $1`,
      [username],
    );
    if (rows.length === 0) throw new CommandError(`找不到用户名为 ${JSON.stringify(username)} 的用户 / no user with the login name ${JSON.stringify(username)}`, 1);
    return rows[0];
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw new CommandError(`无法查询数据库 / cannot query the database: ${(error as Error).message}`, 1);
  } finally {
    await client.end().catch(() => {});
  }
}

async function main(): Promise<void> {
  const args = parseTokenArgs(process.argv.slice(2));
  if (!args.ok) throw new CommandError(`${args.message}\n${USAGE}`, 2);
  const { username, docName, mode, ttlSeconds } = args.request;
  const secret = collabSecret();
  const user = await findUser(databaseUrl(), username);
  const token = issueCollabToken({ userId: user.id, userName: user.displayName, docName, mode }, secret, ttlSeconds);
  process.stdout.write(`${token}\n`);
  const expires = new Date(Date.now() + ttlSeconds * 1000).toISOString();
  process.stderr.write(`令牌 / token: ${JSON.stringify(username)} → ${JSON.stringify(docName)}, ${mode === "write" ? "读写 / read-write" : "只读 / read-only"}, 有效至 / expires ${expires}\n`);
}

main().catch((error) => {
  if (error instanceof CommandError) {
    process.stderr.write(`错误 / error: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  process.stderr.write(`错误 / error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
