// The operators' token command, run as operators run it (`npm run -s collab:token -- …`): the token it prints opens
// the document on collab-server with the user's name and the mode asked for; mistakes are explained in Chinese and
// English on stderr, with nothing on stdout.
import { spawn } from "node:child_process";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "../../test/helpers/database";
import { loadDemoData } from "../../seeds/load-demo-data";
import { verifyCollabToken } from "../../app/utils/collab-token.server";
import { bodyOf, eventually, SECRET, storedText, Testbed, textOf, tokenFor } from "../../collab-server/test-helpers";
import { parseTokenArgs } from "./token-args";

let db: TestDatabase;
const testbed = new Testbed(() => db.prisma, () => db.url);
const ROOT = path.resolve(import.meta.dirname, "../..");

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.prisma);
});

afterEach(() => testbed.cleanup());

afterAll(async () => {
  await db.drop();
});

function run(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const merged: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url, COLLAB_SECRET: SECRET, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", "collab:token", "--", ...args], { cwd: ROOT, env: merged });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run collab:token", () => {
  it("prints a token that opens the document as that user, read-write or read-only, for the lifetime asked", async () => {
    const room = "forum:token-test:minutes";
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: "qianzhou" } });
    const [write, read] = await Promise.all([
      run(["--user", "qianzhou", "--doc", room, "--ttl", "3600"]),
      run(["--user", "qianzhou", "--doc", room, "--read-only"]),
    ]);
    expect(write.code).toBe(0);
    expect(read.code).toBe(0);
    expect(write.stdout).toMatch(/^[\w-]+\.[\w-]+\n$/);
    const writeGrant = verifyCollabToken(write.stdout.trim(), SECRET);
    const readGrant = verifyCollabToken(read.stdout.trim(), SECRET);
    expect(writeGrant).toMatchObject({ ok: true, grant: { userId: user.id, userName: user.displayName, docName: room, mode: "write" } });
    expect(readGrant).toMatchObject({ ok: true, grant: { mode: "read" } });
    const exp = writeGrant.ok ? writeGrant.grant.exp : 0;
    expect(Math.abs(exp - (Date.now() / 1000 + 3600))).toBeLessThan(60);
    const readExp = readGrant.ok ? readGrant.grant.exp : 0;
    expect(Math.abs(readExp - (Date.now() / 1000 + 600))).toBeLessThan(60);

    const server = await testbed.start();
    const writer = testbed.connect(server, room, write.stdout.trim());
    const reader = testbed.connect(server, room, read.stdout.trim());
    await eventually(() => writer.provider.synced && reader.provider.synced);
    bodyOf(writer.doc).insert(0, "运维令牌写入");
    await eventually(() => textOf(reader.doc) === "运维令牌写入");
    bodyOf(reader.doc).insert(0, "只读");
    reader.provider.awareness.setLocalStateField("user", { name: "x" });
    await eventually(() => writer.provider.awareness.getStates().get(reader.doc.clientID)?.user?.name === user.displayName);
    expect(server.metrics.ignoredReadOnlyMessages).toBeGreaterThan(0);
    expect(await storedText(db.prisma, room)).toBe("运维令牌写入");
    const rows = await db.prisma.collabUpdate.findMany({ where: { docName: room }, select: { userId: true } });
    expect(new Set(rows.map((r) => r.userId))).toEqual(new Set([user.id]));
    // Not a token for another document.
    expect(await testbed.rawUpgrade(server, `/forum:other:minutes?token=${write.stdout.trim()}`)).toBe(401);
    expect(await testbed.rawUpgrade(server, `/${room}?token=${tokenFor(room)}`)).toBe("open");
  }, 60_000);

  it("refuses an unknown user, bad arguments and missing settings, saying why in Chinese and English", async () => {
    const cases: Array<{ args: string[]; env?: Record<string, string | undefined>; code: number; says: RegExp }> = [
      { args: ["--user", "nobody", "--doc", "forum:x:minutes"], code: 1, says: /找不到用户名为 "nobody" 的用户 \/ no user with the login name "nobody"/ },
      { args: ["--doc", "forum:x:minutes"], code: 2, says: /缺少 --user.*--user LOGIN is required[\s\S]*用法 \/ usage/ },
      { args: ["--user", "qianzhou"], code: 2, says: /缺少 --doc.*--doc NAME is required/ },
      { args: ["--user", "qianzhou", "--doc", "forum:x:minutes", "--ttl", "10m"], code: 2, says: /--ttl "10m" 应为.*whole number of seconds/ },
      { args: ["--user", "qianzhou", "--doc", "forum:x:minutes", "--ttl", "9999999"], code: 2, says: /--ttl must be/ },
      { args: ["--user", "qianzhou", "--doc", "forum x?token=1"], code: 2, says: /文档名 .* 不可用.*unusable document name/ },
      { args: ["--user", "qianzhou", "--doc", "forum:x:minutes", "--write"], code: 2, says: /参数有误 \/ bad arguments: Unknown option '--write'/ },
      { args: ["--user", "qianzhou", "--doc", "forum:x:minutes"], env: { DATABASE_URL: undefined }, code: 1, says: /未设置 DATABASE_URL \/ DATABASE_URL is not set/ },
      { args: ["--user", "qianzhou", "--doc", "forum:x:minutes"], env: { COLLAB_SECRET: "short" }, code: 1, says: /COLLAB_SECRET 至少 16 个字符/ },
    ];
    const results = await Promise.all(cases.map((c) => run(c.args, c.env)));
    for (const [i, result] of results.entries()) {
      expect({ case: cases[i].args, code: result.code, stdout: result.stdout }).toEqual({ case: cases[i].args, code: cases[i].code, stdout: "" });
      expect(result.stderr).toMatch(cases[i].says);
    }
    // Nine runs of npm and tsx: slow on a busy machine.
  }, 120_000);

  it("parses its arguments without I/O", () => {
    expect(parseTokenArgs(["--user", "a", "--doc", "forum:1:board"])).toEqual({
      ok: true,
      request: { username: "a", docName: "forum:1:board", mode: "write", ttlSeconds: 600 },
    });
    expect(parseTokenArgs(["--user", "a", "--doc", "d", "--read-only", "--ttl", "60"])).toMatchObject({ ok: true, request: { mode: "read", ttlSeconds: 60 } });
    expect(parseTokenArgs(["--user", "a", "--doc", "d", "extra"]).ok).toBe(false);
    expect(parseTokenArgs(["--user", "a", "--doc", "d\u0000"]).ok).toBe(false);
    expect(parseTokenArgs(["--user", "a", "--doc", "x".repeat(201)]).ok).toBe(false);
  });
});
