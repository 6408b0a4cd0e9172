// The servers the collab benchmark compares: the stock @y/websocket-server 0.1.1 (its own bin, in memory, no auth)
// as the reference, and ours (collab-server/index.ts through app-under-test, with PostgreSQL and Redis). Plus what
// the benchmark reads about a server process: CPU time and RSS from /proc, and collab-server's /metrics.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { freePort, waitForPort } from "../../scripts/infra/free-port";
import { appUnderTest, type CollabProcess } from "./app-under-test";
import { issueCollabToken, type CollabMode } from "../../app/utils/collab-token.server";

export interface ServerUnderTest {
  kind: "stock" | "ours";
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const STOCK_BIN = path.join(path.dirname(require.resolve("@y/websocket-server/package.json")), "src/server.js");

export async function startStockServer(): Promise<ServerUnderTest> {
  const port = await freePort();
  const child = spawn(process.execPath, [STOCK_BIN], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitForPort(port);
  return {
    kind: "stock",
    url: `ws://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/**
 * Limits raised for load runs: many clients on one document, each client its own user (distinct user ids keep the
 * per-user caps at their defaults).
 */
export const BENCH_COLLAB_ENV = { COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: "5000" };

export async function startOurServer(extraEnv: Record<string, string> = {}, port?: number): Promise<ServerUnderTest & { process: CollabProcess }> {
  const app = await appUnderTest();
  const collab = await app.startCollab({ ...BENCH_COLLAB_ENV, ...extraEnv }, port);
  return { kind: "ours", url: collab.url, pid: collab.pid, stop: () => collab.stop(), process: collab };
}

/** A write (or read) token of its own user for client `index` of a run; the stock server ignores it. */
export async function benchToken(docName: string, index: number | string, mode: CollabMode = "write"): Promise<string> {
  const app = await appUnderTest();
  return issueCollabToken({ userId: `bench-user-${index}`, userName: `压测用户${index}`, docName, mode }, app.collabSecret, 3600);
}

const TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces), counted from field 3.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** CPU seconds the whole machine has been busy (all cores; /proc/stat, idle and iowait excluded). */
export function machineBusySeconds(): number {
  const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

/** Resident set size in MiB. */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? Number.NaN);
  return Number((kb / 1024).toFixed(1));
}

/** collab-server's counters (GET /metrics with the secret). */
export async function collabMetrics(url: string): Promise<Record<string, number>> {
  const app = await appUnderTest();
  const response = await fetch(`${url.replace(/^ws/, "http")}/metrics`, { headers: { Authorization: `Bearer ${app.collabSecret}` } });
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  return (await response.json()) as Record<string, number>;
}

/** Load average (1, 5, 15 min) and CPU count, for the log lines: other work on the machine skews the figures. */
export function machineLoad(): string {
  return `load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} CPUs`;
}
