// Resolves Redis: REDIS_URL when set, else a local redis-server child process on a free port.
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { spawn, spawnSync } from "node:child_process";
import { freePort, waitForPort } from "./free-port";

export interface RedisHandle {
  url: string;
  stop(): Promise<void>;
}

export class MissingRedisError extends Error {
  constructor() {
    super(
      "找不到 redis-server。请安装 Redis（Debian/Ubuntu：sudo apt-get install redis-server；macOS：brew install redis），或设置 REDIS_URL 指向已有的 Redis。\n" +
        "redis-server not found: install the Debian package `redis-server` (apt-get install redis-server) or set REDIS_URL.",
    );
  }
}

function hasRedisServer(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

export async function resolveRedis(mode: "persistent" | "throwaway", log: (m: string) => void): Promise<RedisHandle> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => {} };
  if (!hasRedisServer()) throw new MissingRedisError();
  const dir = mode === "persistent" ? path.resolve(".data/redis") : fs.mkdtempSync(path.join(os.tmpdir(), "lifa-redis-"));
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const persistence = mode === "persistent" ? ["--appendonly", "yes"] : ["--save", "", "--appendonly", "no"];
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, ...persistence], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  child.on("exit", (code) => {
    if (code && code !== 0) log(`redis-server exited with code ${code}`);
  });
  // If this process ends without stop() (killed, crashed), do not leave redis-server behind.
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  await waitForPort(port);
  log(`本地 redis-server 已启动 / local redis-server on 127.0.0.1:${port}`);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      process.off("exit", killOnExit);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      if (mode === "throwaway") fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
