// A load-generator process of the collab latency benchmark (forked by collab-latency.ts). It hosts some of the
// clients of one run: raw writers typing timestamped markers on a fixed schedule, measuring readers (stock
// y-websocket clients recording when each marker reaches their doc) and passive sinks (bare sockets reading all).
// Messages: ← setup { clients, ratePerWriter, writersTotal } → ready; ← go { measureFrom, measureUntil, drainMs }
// → result (after measureUntil + drainMs). Times are clock() values (wall-clock ms, comparable between processes).
import { monitorEventLoopDelay } from "node:perf_hooks";
import * as Y from "yjs";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import { clock, marker, markersInUpdate, RawWriter, SinkClient, socketUrl } from "./collab-protocol";
import { reportErrors, withConcurrency } from "./collab-children";

export interface LoadClient {
  kind: "writer" | "reader" | "passive";
  /** ws://host:port of the server this client talks to, and that server's index in the run. */
  base: string;
  server: number;
  docName: string;
  token?: string;
  /** Writers: their index among all the run's writers (also in their markers). */
  writer?: number;
}

export interface LoadSetup {
  type: "setup";
  clients: LoadClient[];
  ratePerWriter: number;
  writersTotal: number;
}

export interface ReaderReport {
  server: number;
  /** Markers sent within the window received, per writer index. */
  receivedByWriter: Record<number, number>;
}

export interface LoadResult {
  type: "result";
  /** Per writer index: markers sent within the window, and the server it writes to. */
  sent: Record<number, { count: number; server: number }>;
  latencies: number[];
  readers: ReaderReport[];
  passiveMessages: number;
  disconnected: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  lateSends: number;
}

reportErrors();
// Every WebsocketProvider adds a process 'exit' listener; hundreds of them here are expected.
process.setMaxListeners(0);

let setup: LoadSetup;
const writers: Array<{ client: LoadClient; raw: RawWriter }> = [];
const readers: Array<{ client: LoadClient; provider: WebsocketProvider; report: ReaderReport }> = [];
const passive: SinkClient[] = [];
const latencies: number[] = [];
let window = { from: Infinity, until: -Infinity };

function connectReader(client: LoadClient): Promise<void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(client.base, client.docName, doc, {
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: client.token ? { token: client.token } : {},
  });
  const report: ReaderReport = { server: client.server, receivedByWriter: {} };
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== provider) return;
    const receivedAt = clock();
    for (const m of markersInUpdate(update)) {
      if (m.sentAt < window.from || m.sentAt >= window.until) continue;
      latencies.push(receivedAt - m.sentAt);
      report.receivedByWriter[m.writer] = (report.receivedByWriter[m.writer] ?? 0) + 1;
    }
  });
  readers.push({ client, provider, report });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`reader not synced within 60 s (${client.base})`)), 60_000);
    provider.once("sync", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function connect(clients: LoadClient[]) {
  // Readers and passive clients first: they are in the room before the first marker is typed.
  const listeners = clients.filter((c) => c.kind !== "writer");
  await withConcurrency(listeners, 50, async (client) => {
    if (client.kind === "reader") return connectReader(client);
    const sink = new SinkClient(socketUrl(client.base, client.docName, client.token));
    passive.push(sink);
    await sink.ready;
  });
  await withConcurrency(clients.filter((c) => c.kind === "writer"), 20, async (client) => {
    const raw = new RawWriter(socketUrl(client.base, client.docName, client.token));
    writers.push({ client, raw });
    await raw.ready;
  });
}

/** Types the markers on schedule: writer w of W at go + (k + w/W) / rate; late timers catch up at once. */
function typeOnSchedule(go: number, until: number, sent: LoadResult["sent"]): Promise<number> {
  const period = 1000 / setup.ratePerWriter;
  const due = writers.map(({ client }) => go + (client.writer! / setup.writersTotal) * period);
  const seq = writers.map(() => 0);
  let late = 0;
  return new Promise((resolve) => {
    const tick = () => {
      let now = clock();
      for (let i = 0; i < writers.length; i++) {
        while (due[i] <= now && due[i] < until) {
          if (now - due[i] > period) late++;
          const { client, raw } = writers[i];
          const sentAt = clock();
          raw.type(marker(client.writer!, seq[i]++, sentAt));
          if (sentAt >= window.from && sentAt < window.until) sent[client.writer!].count++;
          due[i] += period;
          now = clock();
        }
      }
      const next = Math.min(...due);
      if (next >= until) return resolve(late);
      setTimeout(tick, Math.max(0, next - clock()));
    };
    tick();
  });
}

process.on("message", async (message: { type: string } & Record<string, unknown>) => {
  if (message.type === "setup") {
    setup = message as unknown as LoadSetup;
    await connect(setup.clients);
    process.send!({ type: "ready" });
  } else if (message.type === "go") {
    const { measureFrom, measureUntil, drainMs, startAt } = message as unknown as {
      measureFrom: number;
      measureUntil: number;
      drainMs: number;
      startAt: number;
    };
    window = { from: measureFrom, until: measureUntil };
    const sent: LoadResult["sent"] = {};
    for (const { client } of writers) sent[client.writer!] = { count: 0, server: client.server };
    const delay = monitorEventLoopDelay({ resolution: 5 });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - clock())));
    delay.enable();
    const lateSends = await typeOnSchedule(startAt, measureUntil, sent);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, measureUntil + drainMs - clock())));
    delay.disable();
    const result: LoadResult = {
      type: "result",
      sent,
      latencies,
      readers: readers.map((r) => r.report),
      passiveMessages: passive.reduce((sum, p) => sum + p.messages, 0),
      disconnected:
        passive.filter((p) => p.closedUnexpectedly).length +
        writers.filter((w) => w.raw.closedUnexpectedly).length +
        readers.filter((r) => !r.provider.wsconnected).length,
      eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
      eventLoopDelayMaxMs: delay.max / 1e6,
      lateSends,
    };
    process.send!(result);
    for (const r of readers) r.provider.destroy();
    for (const w of writers) w.raw.close();
    for (const p of passive) p.close();
    setTimeout(() => process.exit(0), 200);
  }
});
