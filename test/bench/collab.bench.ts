// The collab benchmark (issue 8): our collab-server against the stock @y/websocket-server 0.1.1 started in the same
// run, over loopback, with headless clients in load-generator processes. Each export is one BENCHES entry of
// run.ts, so `npm run bench -- collab` runs them all and e.g. `npm run bench -- collab.kill9` one of them.
// Settings: COLLAB_BENCH_SECONDS (measured window per latency run, default 10), COLLAB_BENCH_LOAD_PROCESSES
// (load-generator processes per run, default 4).
import crypto from "node:crypto";
import { runLatency, type LatencyOutcome } from "./collab-latency";
import { startOurServer, startStockServer, type ServerUnderTest } from "./collab-servers";
import { bounded, printFigures, reported, type CollabFigure } from "./collab-figures";
import { runKill9 } from "./collab-kill9";
import { runOpenDocuments, runChurn } from "./collab-docs";

const SECONDS = Number(process.env.COLLAB_BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 3;
const LOAD_PROCESSES = Number(process.env.COLLAB_BENCH_LOAD_PROCESSES ?? 4);
const RUN = crypto.randomBytes(3).toString("hex");

/** A fresh document per run, named like the forums' minutes. */
function docName(label: string): string {
  return `forum:bench-${label}-${RUN}:minutes`;
}

async function withServers<T>(start: () => Promise<ServerUnderTest[]>, use: (servers: ServerUnderTest[]) => Promise<T>): Promise<T> {
  const servers = await start();
  try {
    return await use(servers);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

interface Load {
  clients: number;
  writers: number;
  readers: number;
  rate: number;
}

function latencyRun(label: string, load: Load, servers: ServerUnderTest[]): Promise<LatencyOutcome> {
  return runLatency({
    label,
    servers,
    docName: docName(label),
    ...load,
    seconds: SECONDS,
    warmupSeconds: WARM_UP_SECONDS,
    loadProcesses: LOAD_PROCESSES,
  });
}

/** Stock first, then ours, each on a fresh server process and document. */
async function sideBySide(label: string, load: Load): Promise<{ stock: LatencyOutcome; ours: LatencyOutcome }> {
  const stock = await withServers(async () => [await startStockServer()], (servers) => latencyRun(`stock ${label}`, load, servers));
  const ours = await withServers(async () => [await startOurServer()], (servers) => latencyRun(`ours ${label}`, load, servers));
  return { stock, ours };
}

/** 200 clients on one document, 200 updates/s in total (20 writers × 10/s), 10 measuring readers. */
export async function benchCollab200x200(): Promise<CollabFigure[]> {
  const { stock, ours } = await sideBySide("200x200", { clients: 200, writers: 20, readers: 10, rate: 200 });
  const half = stock.p99 === null ? Number.NaN : stock.p99 * 0.5;
  const figures = [
    reported("collab.stock.200x200.p99", stock.p99, "ms", "reference (stock @y/websocket-server 0.1.1)", latencyNote(stock)),
    bounded(
      "collab.200x200.p99",
      ours.p99 === null || stock.p99 === null ? null : ours.p99,
      "ms",
      `<= 50 ms and <= 0.5 × stock (${Number.isFinite(half) ? `${half.toFixed(1)} ms` : "stock not counted"})`,
      [50, half],
      latencyNote(ours, stock.why ? `stock run does not count: ${stock.why}` : ratio(ours, stock)),
    ),
  ];
  printFigures("collab 200x200", figures);
  return figures;
}

function ratio(ours: LatencyOutcome, stock: LatencyOutcome): string {
  if (!Number.isFinite(stock.measuredP99) || !Number.isFinite(ours.measuredP99)) return "ours/stock p99 not comparable (one is ∞)";
  return `ours/stock p99 ${(ours.measuredP99 / stock.measuredP99).toFixed(2)}`;
}

/** The note of a latency figure: why it does not count, else its p50 and what else is worth knowing. */
function latencyNote(outcome: LatencyOutcome, ...extra: Array<string | null | undefined>): string {
  return [outcome.why ?? `p50 ${outcome.p50} ms`, ...extra, outcome.busy].filter(Boolean).join("; ");
}

/** 1 000 clients on one document, 50 updates/s in total (10 writers × 5/s), 10 measuring readers. */
export async function benchCollab1000x50(): Promise<CollabFigure[]> {
  const { stock, ours } = await sideBySide("1000x50", { clients: 1000, writers: 10, readers: 10, rate: 50 });
  const figures = [
    reported("collab.stock.1000x50.p99", stock.p99, "ms", "reference (stock @y/websocket-server 0.1.1)", latencyNote(stock)),
    bounded("collab.1000x50.p99", ours.p99, "ms", "<= 150 ms", [150], latencyNote(ours, ratio(ours, stock))),
  ];
  printFigures("collab 1000x50", figures);
  return figures;
}

/** The 200x200 load split over two collab-server processes (clients alternate), edits crossing through Redis. */
export async function benchCollab2procs(): Promise<CollabFigure[]> {
  const load = { clients: 200, writers: 20, readers: 10, rate: 200 };
  const ours = await withServers(
    async () => Promise.all([startOurServer(), startOurServer()]),
    (servers) => latencyRun("ours 2procs 200x200", load, servers),
  );
  const figures = [bounded("collab.2procs.200x200.p99", ours.p99, "ms", "<= 80 ms", [80], latencyNote(ours))];
  printFigures("collab 2 processes", figures);
  return figures;
}

export async function benchCollabKill9(): Promise<CollabFigure[]> {
  const outcome = await runKill9(docName("kill9"));
  const figures = [
    bounded("collab.kill9.resync-s", outcome.resyncSeconds, "s", "<= 15 s", [15], outcome.note),
    bounded("collab.kill9.lost", outcome.lost, "updates", "= 0", [0], outcome.lostNote),
    bounded("collab.kill9.seen-unstored", outcome.seenUnstored, "updates", "= 0", [0], outcome.seenUnstoredNote),
  ];
  printFigures("collab kill -9", figures);
  return figures;
}

export async function benchCollabOpenDocuments(): Promise<CollabFigure[]> {
  const outcome = await runOpenDocuments(RUN);
  const figures = [
    reported("collab.stock.2000docs.rss-mb", outcome.stockRssMiB, "MiB", "reference (stock, in memory)", outcome.stockNote),
    reported("collab.2000docs.rss-mb", outcome.oursRssMiB, "MiB", "reported", outcome.oursNote),
  ];
  printFigures("collab 2 000 open documents", figures);
  return figures;
}

export async function benchCollabChurn(): Promise<CollabFigure[]> {
  const outcome = await runChurn(RUN);
  const figures = [bounded("collab.churn.docs-left", outcome.docsLeft, "documents", "= 0", [0], outcome.note)];
  printFigures("collab churn", figures);
  return figures;
}
