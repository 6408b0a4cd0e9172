// A quick latency probe for collab-server developers (the official figures come from `npm run bench`): starts
// collab-server (or the stock @y/websocket-server) as child processes, connects raw protocol sockets to one document
// (writers typing into their own paragraph at a fixed rate, readers timing each update from send to receipt, the
// rest passive) and prints p50/p99, the update rate achieved and the server's CPU time and RSS.
//
//   DATABASE_URL=… REDIS_URL=… tsx scripts/collab/latency-probe.ts [--server ours|stock] [--clients 200]
//     [--writers 20] [--readers 10] [--rate 10] [--seconds 20] [--procs 1]
import fs from "node:fs";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import * as Y from "yjs";
import { WebSocket } from "ws";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import { issueCollabToken } from "../../app/utils/collab-token.server";
import { freePort, waitForPort } from "../infra/free-port";

const ROOT = path.resolve(import.meta.dirname, "../..");
const { values: args } = parseArgs({
  options: {
    server: { type: "string", default: "ours" },
    clients: { type: "string", default: "200" },
    writers: { type: "string", default: "20" },
    readers: { type: "string", default: "10" },
    rate: { type: "string", default: "10" },
    seconds: { type: "string", default: "20" },
    procs: { type: "string", default: "1" },
    /** Writes a V8 CPU profile of each server process into this directory. */
    profile: { type: "string" },
    doc: { type: "string", default: `forum:probe-${Date.now()}:minutes` },
    /** Internal: this process only holds passive connections to these ports (so the measuring one stays idle). */
    "passive-ports": { type: "string" },
  },
});
const CLIENTS = Number(args.clients);
const WRITERS = Number(args.writers);
const READERS = Number(args.readers);
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const PROCS = Number(args.procs);
const DOC = args.doc!;
const SECRET = process.env.COLLAB_SECRET ?? "probe-collab-secret-0123456789";

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))].toFixed(1));
}

function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

async function startServer(port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", COLLAB_SECRET: SECRET, COLLAB_PORT: String(port), PORT: String(port), HOST: "127.0.0.1" };
  const command: string[] =
    args.server === "stock"
      ? [path.join(ROOT, "node_modules/@y/websocket-server/src/server.js")]
      : ["--import", "tsx", path.join(ROOT, "collab-server/index.ts")];
  // The stock server has no SIGTERM handler: exit cleanly so that the profile is written.
  if (args.profile) {
    command.unshift("--cpu-prof", `--cpu-prof-dir=${args.profile}`, "--import", 'data:text/javascript,process.on("SIGTERM",()=>process.exit(0))');
  }
  const child = spawn(process.execPath, command, {
    cwd: ROOT,
    env: { ...env, COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: String(CLIENTS + 10), COLLAB_MAX_CONNECTIONS_PER_USER: String(CLIENTS + 10), COLLAB_MAX_CONNECTIONS_PER_USER_DOCUMENT: String(CLIENTS + 10) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForPort(port);
  return child;
}

function open(port: number, mode: "read" | "write"): Promise<WebSocket> {
  const token = issueCollabToken({ userId: "probe", userName: "probe", docName: DOC, mode }, SECRET, 3600);
  const ws = new WebSocket(`ws://127.0.0.1:${port}/${encodeURIComponent(DOC)}?token=${token}`);
  ws.binaryType = "nodebuffer";
  return new Promise((resolve, reject) => ws.once("open", () => resolve(ws)).once("error", reject));
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

const sentAt = new Map<string, number>();
const latencies: number[] = [];
let measuring = false;

/** The markers (w<writer>.<seq>|) in an update a reader received. */
function markersIn(message: Buffer): string[] {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== 0) return [];
  const type = decoding.readVarUint(decoder);
  if (type !== 1 && type !== 2) return [];
  const { structs } = Y.decodeUpdate(decoding.readVarUint8Array(decoder));
  const found: string[] = [];
  for (const struct of structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) {
      for (const match of struct.content.str.matchAll(/w\d+\.\d+\|/g)) found.push(match[0]);
    }
  }
  return found;
}

/** Holds `count` read-only connections spread over `ports`, discarding what they receive, until killed. */
async function holdPassive(ports: number[], count: number) {
  for (let i = 0; i < count; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, j) => open(ports[(i + j) % ports.length], "read")));
  }
  process.send?.("ready");
}

function spawnPassive(ports: number[], count: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", import.meta.filename, "--clients", String(count), "--doc", DOC, "--passive-ports", ports.join(",")],
    { cwd: ROOT, env: { ...process.env, COLLAB_SECRET: SECRET }, stdio: ["ignore", "inherit", "inherit", "ipc"] },
  );
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`passive clients exited with ${code}`)));
  });
}

async function main() {
  if (args["passive-ports"]) return holdPassive(args["passive-ports"].split(",").map(Number), CLIENTS);
  const ports = await Promise.all(Array.from({ length: PROCS }, () => freePort()));
  const servers = await Promise.all(ports.map((port) => startServer(port)));
  const portFor = (i: number) => ports[i % PROCS];
  try {
    const readers = await Promise.all(Array.from({ length: READERS }, (_, i) => open(portFor(i), "read")));
    const seen = readers.map(() => new Set<string>());
    readers.forEach((ws, i) =>
      ws.on("message", (data: Buffer) => {
        const now = performance.now();
        for (const marker of markersIn(data)) {
          if (seen[i].has(marker)) continue;
          seen[i].add(marker);
          const sent = sentAt.get(marker);
          if (measuring && sent !== undefined) latencies.push(now - sent);
        }
      }),
    );
    const passive = await spawnPassive(ports, CLIENTS - READERS - WRITERS);
    const writers = await Promise.all(Array.from({ length: WRITERS }, (_, i) => open(portFor(i + 1), "write")));
    let sent = 0;
    const timers = writers.map((ws, w) => {
      const doc = new Y.Doc();
      doc.on("update", (update: Uint8Array) => ws.send(updateMessage(update)));
      const paragraph = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      doc.getXmlFragment("default").insert(0, [paragraph]);
      let seq = 0;
      return setInterval(() => {
        const marker = `w${w}.${seq++}|`;
        sentAt.set(marker, performance.now());
        if (measuring) sent++;
        text.insert(text.length, marker);
      }, 1000 / RATE);
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const cpuBefore = servers.map((s) => cpuSeconds(s.pid!));
    const ownCpuBefore = process.cpuUsage();
    measuring = true;
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    measuring = false;
    const elapsed = (performance.now() - started) / 1000;
    const cpu = servers.map((s, i) => ((cpuSeconds(s.pid!) - cpuBefore[i]) / elapsed) * 100);
    const rss = servers.map((s) => rssMiB(s.pid!));
    const ownCpu = process.cpuUsage(ownCpuBefore);
    const serverMetrics =
      args.server === "ours"
        ? await Promise.all(
            ports.map(async (port) => {
              const response = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { Authorization: `Bearer ${SECRET}` } });
              const m = (await response.json()) as Record<string, number>;
              return { commitMsP50: m.commitMsP50, commitMsP99: m.commitMsP99, updatesPerCommit: Number((m.updatesStored / m.storeBatches).toFixed(2)) };
            }),
          )
        : undefined;
    const generatorCpu = Math.round(((ownCpu.user + ownCpu.system) / 1e6 / elapsed) * 100);
    for (const timer of timers) clearInterval(timer);
    const asked = WRITERS * RATE;
    console.log(
      JSON.stringify({
        server: args.server,
        procs: PROCS,
        clients: CLIENTS,
        asked,
        achieved: Number((sent / elapsed).toFixed(1)),
        samples: latencies.length,
        p50: percentile(latencies, 50),
        p90: percentile(latencies, 90),
        p99: percentile(latencies, 99),
        max: percentile(latencies, 100),
        cpuPercent: cpu.map((c) => Math.round(c)),
        rssMiB: rss.map((r) => Math.round(r)),
        generatorCpuPercent: generatorCpu,
        serverMetrics,
      }),
    );
    for (const ws of [...readers, ...writers]) ws.terminate();
    passive.kill("SIGKILL");
  } finally {
    await Promise.all(
      servers.map((server) => {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill(args.profile ? "SIGTERM" : "SIGKILL");
        return exited;
      }),
    );
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
