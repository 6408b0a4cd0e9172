// One latency run of the collab benchmark: CLIENTS clients on one document of one or more servers, WRITERS of them
// typing RATE updates/s in total on a fixed schedule, READERS measuring when each marker arrives, the rest passive.
// Clients alternate between the servers. Writers have a load process of their own, so do the measuring readers
// (what delays their event loop adds to the latency they measure), and the passive clients share the others. Latency = a measuring reader's clock
// when the update reached its doc minus the send time written into the marker (same machine, same clock). An
// update that never reached a reader counts as infinitely late, so losses show in the p99 rather than vanish.
import { percentile } from "./latency";
import { LoadProcess, spread, stopAll } from "./collab-children";
import { clock } from "./collab-protocol";
import { benchToken, cpuSeconds, machineBusySeconds, machineLoad, rssMiB, type ServerUnderTest } from "./collab-servers";
import type { LoadClient, LoadResult } from "./collab-load.child";

export interface LatencyRun {
  label: string;
  servers: ServerUnderTest[];
  docName: string;
  clients: number;
  writers: number;
  readers: number;
  /** Updates per second asked for, all writers together. */
  rate: number;
  seconds: number;
  warmupSeconds: number;
  loadProcesses: number;
}

export interface LatencyOutcome {
  /** null when the run does not count (the reason in `why`). */
  p99: number | null;
  p50: number;
  measuredP99: number;
  achievedRate: number;
  why: string | null;
  /** Set when other work took a noticeable share of the machine during the window (the figure is then pessimistic). */
  busy: string | null;
  summary: string;
}

/** Other work above this share of one core during a window is called out next to the figure. */
const BUSY_SHARE = 20;

type CpuSample = { servers: number[]; load: number; machine: number };

/** The share of the asked rate the load generator must reach for a figure to count. */
export const MIN_RATE_SHARE = 0.95;
const DRAIN_MS = 2_000;

function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : "∞";
}

export async function runLatency(run: LatencyRun): Promise<LatencyOutcome> {
  const servers = run.servers.length;
  const clients: LoadClient[] = [];
  for (let i = 0; i < run.clients; i++) {
    const kind = i < run.writers ? "writer" : i < run.writers + run.readers ? "reader" : "passive";
    const server = (kind === "writer" ? i : kind === "reader" ? i - run.writers : i) % servers;
    const token = run.servers[server].kind === "ours" ? await benchToken(run.docName, `${run.label}-${i}`) : undefined;
    clients.push({ kind, base: run.servers[server].url, server, docName: run.docName, token, writer: kind === "writer" ? i : undefined });
  }
  const byRole = (kind: LoadClient["kind"]) => clients.filter((c) => c.kind === kind);
  const lists = [
    { role: "writers", list: byRole("writer") },
    { role: "readers", list: byRole("reader") },
    ...spread(byRole("passive"), Math.max(1, run.loadProcesses - 2)).map((list) => ({ role: "passive", list })),
  ];
  const children = lists.map(({ role, list }, i) => ({
    process: new LoadProcess(`${run.label} load#${i + 1} (${role})`, "collab-load.child.ts"),
    role,
    list,
  }));
  try {
    await Promise.all(
      children.map(async ({ process, list }) => {
        process.send({ type: "setup", clients: list, ratePerWriter: run.rate / run.writers, writersTotal: run.writers });
        await process.expect("ready", 120_000);
      }),
    );
    const startAt = clock() + 500;
    const measureFrom = startAt + run.warmupSeconds * 1000;
    const measureUntil = measureFrom + run.seconds * 1000;
    for (const { process } of children) process.send({ type: "go", startAt, measureFrom, measureUntil, drainMs: DRAIN_MS });

    // CPU seconds at the window's start and end: each server, the load processes, the whole machine.
    const cpu: CpuSample[] = [];
    const sampleCpu = (at: number) =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          cpu.push({
            servers: run.servers.map((s) => cpuSeconds(s.pid)),
            load: children.reduce((sum, c) => sum + cpuSeconds(c.process.pid), 0),
            machine: machineBusySeconds(),
          });
          resolve();
        }, Math.max(0, at - clock())),
      );
    await sampleCpu(measureFrom);
    await sampleCpu(measureUntil);
    const rss = run.servers.map((s) => rssMiB(s.pid));
    const results = await Promise.all(
      children.map(async ({ process, role }) => ({ ...(await process.expect<LoadResult>("result", run.seconds * 1000 + 60_000)), role })),
    );
    return summarize(run, results, cpu, rss);
  } finally {
    await stopAll(children.map((c) => c.process));
  }
}

function summarize(run: LatencyRun, results: Array<LoadResult & { role: string }>, cpu: CpuSample[], rss: number[]): LatencyOutcome {
  const sent: LoadResult["sent"] = Object.assign({}, ...results.map((r) => r.sent));
  const totalSent = Object.values(sent).reduce((sum, s) => sum + s.count, 0);
  const achievedRate = totalSent / run.seconds;
  const readers = results.flatMap((r) => r.readers);
  const latencies = results.flatMap((r) => r.latencies);
  // Every measuring reader should receive every marker sent in the window; what is missing counts as ∞.
  let expected = 0;
  let crossExpected = 0;
  let crossDelivered = 0;
  for (const reader of readers) {
    for (const [writer, { count, server }] of Object.entries(sent)) {
      expected += count;
      if (server !== reader.server) {
        crossExpected += count;
        crossDelivered += reader.receivedByWriter[Number(writer)] ?? 0;
      }
    }
  }
  const missing = Math.max(0, expected - latencies.length);
  const withMissing = latencies.concat(Array<number>(missing).fill(Number.POSITIVE_INFINITY));
  const measuredP99 = percentile(withMissing, 99);
  const p50 = percentile(withMissing, 50);
  const share = (seconds: number) => (seconds / run.seconds) * 100;
  const cpuShare = run.servers.map((_, i) => share(cpu[1].servers[i] - cpu[0].servers[i]));
  const loadShare = share(cpu[1].load - cpu[0].load);
  // Everything else that ran meanwhile: PostgreSQL and Redis (ours), the orchestrator, and other work on the machine.
  const restShare = share(cpu[1].machine - cpu[0].machine) - loadShare - cpuShare.reduce((a, b) => a + b, 0);
  // Event-loop delay per role (the worst process of each): the readers' adds to what they measure.
  const lag = ["writers", "readers", "passive"]
    .map((role) => {
      const of = results.filter((r) => r.role === role);
      return `${role} ${fmt(Math.max(...of.map((r) => r.eventLoopDelayP99Ms)))}/${fmt(Math.max(...of.map((r) => r.eventLoopDelayMaxMs)))}`;
    })
    .join(", ");
  const disconnected = results.reduce((sum, r) => sum + r.disconnected, 0);
  const lateSends = results.reduce((sum, r) => sum + r.lateSends, 0);
  const passiveMessages = results.reduce((sum, r) => sum + r.passiveMessages, 0);

  let why: string | null = null;
  if (achievedRate < MIN_RATE_SHARE * run.rate) {
    why = `load generator reached ${fmt(achievedRate)} updates/s, below ${MIN_RATE_SHARE * 100} % of the ${run.rate} asked`;
  } else if (run.servers.length > 1 && crossExpected > 0 && crossDelivered === 0) {
    why = "not measurable: no update crossed from one collab-server process to the other (no fan-out between processes)";
  } else if (!Number.isFinite(measuredP99)) {
    why = `${missing} of ${expected} deliveries to measuring readers never arrived (over 1 %)`;
  }
  const passive = run.clients - run.writers - run.readers;
  const summary =
    `${run.label}: ${run.clients} clients (${run.writers} raw writers, ${run.readers} measuring readers, ${passive} passive) ` +
    `on ${run.servers.length} ${run.servers[0].kind} server process(es), ${results.length} load processes; ` +
    `asked ${run.rate} updates/s, achieved ${fmt(achievedRate)} (${totalSent} in ${run.seconds} s); ` +
    `delivered ${latencies.length}/${expected} to measuring readers` +
    (run.servers.length > 1 ? ` (across processes ${crossDelivered}/${crossExpected})` : "") +
    `, ${passiveMessages} messages to the passive clients in all` +
    `; p50 ${fmt(p50)} ms, p99 ${fmt(measuredP99)} ms, max ${fmt(Math.max(0, ...latencies))} ms; ` +
    `server CPU ${cpuShare.map((c) => `${c.toFixed(0)} %`).join(" + ")}, RSS ${rss.map((r) => `${r} MiB`).join(" + ")}; ` +
    `load generators CPU ${loadShare.toFixed(0)} %, rest of the machine ${restShare.toFixed(0)} % (100 % = one core); ` +
    `load generators' event-loop delay p99/max ms: ${lag}; late sends ${lateSends}, ` +
    `clients disconnected ${disconnected}; ${machineLoad()}`;
  console.log(`[bench] ${summary}${why ? `\n[bench]   → does not count: ${why}` : ""}`);
  const busy = restShare > BUSY_SHARE ? `machine busy: other processes used ${restShare.toFixed(0)} % of a core during the window` : null;
  return { p99: why ? null : measuredP99, p50, measuredP99, achievedRate, why, busy, summary };
}
