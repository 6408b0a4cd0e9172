// Many documents: the memory of 2 000 open documents of 20 000 characters (one raw client on each), ours loading
// them from PostgreSQL and the stock server filled by its clients (it stores nothing); and churn: 10 000
// connect/disconnect cycles over 200 documents, after which collab-server must hold no document in memory.
import * as Y from "yjs";
import { LoadProcess, spread, stopAll } from "./collab-children";
import { appendParagraph, socketUrl } from "./collab-protocol";
import { documentContent } from "./collab-content";
import { benchToken, collabMetrics, cpuSeconds, machineLoad, rssMiB, startOurServer, startStockServer, type ServerUnderTest } from "./collab-servers";
import { appUnderTest } from "./app-under-test";

const DOCUMENTS = 2000;
const CHURN_CYCLES = 10_000;
const CHURN_DOCUMENTS = 200;
const CHURN_CONCURRENCY = 100;
const PROCESSES = 2;

async function pause(ms: number) {
  await new Promise((r) => setTimeout(r, ms));
}

/** RSS once it has stopped moving (two readings 1 s apart within 1 %), or after 15 s. */
async function settledRss(pid: number): Promise<number> {
  let previous = rssMiB(pid);
  for (let i = 0; i < 15; i++) {
    await pause(1000);
    const current = rssMiB(pid);
    if (Math.abs(current - previous) <= previous * 0.01) return current;
    previous = current;
  }
  return previous;
}

/** Opens every document with one client (from load processes) and reads the server's RSS once it settles. */
async function openAll(server: ServerUnderTest, docs: Array<{ url: string; index: number }>, write: boolean) {
  const before = rssMiB(server.pid);
  const children = spread(docs, PROCESSES).map((list, i) => ({ process: new LoadProcess(`docs load#${i + 1}`, "collab-docs.child.ts"), list }));
  try {
    const started = Date.now();
    const opened = await Promise.all(
      children.map(async ({ process, list }) => {
        process.send({ type: "open", docs: list, write });
        return process.expect("opened", 300_000);
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const rss = await settledRss(server.pid);
    const count = opened.reduce((sum, o) => sum + (o.opened as number), 0);
    const failed = opened.reduce((sum, o) => sum + (o.failed as number), 0);
    const bytes = opened.reduce((sum, o) => sum + (o.stateBytes as number), 0);
    for (const { process } of children) process.send({ type: "close" });
    await Promise.all(children.map(({ process }) => process.expect("closed", 30_000)));
    return { before, rss, count, failed, seconds, bytes };
  } finally {
    await stopAll(children.map((c) => c.process));
  }
}

function docName(run: string, i: number) {
  return `forum:bench-docs-${run}-${i}:minutes`;
}

/** The stored state of a document whose minutes are one paragraph of `content`. */
function snapshotOf(content: string): Uint8Array<ArrayBuffer> {
  const doc = new Y.Doc();
  appendParagraph(doc, content);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state as Uint8Array<ArrayBuffer>;
}

export async function runOpenDocuments(run: string) {
  const indexes = Array.from({ length: DOCUMENTS }, (_, i) => i);

  const stock = await startStockServer();
  let stockRssMiB: number | null = null;
  let stockNote: string;
  try {
    const o = await openAll(stock, indexes.map((i) => ({ url: socketUrl(stock.url, docName(run, i)), index: i })), true);
    stockRssMiB = o.failed === 0 ? o.rss : null;
    stockNote = `${o.count} documents filled by their clients in ${o.seconds.toFixed(1)} s (${o.failed} failed); RSS ${o.before} MiB before`;
  } finally {
    await stock.stop();
  }

  // Ours loads them from PostgreSQL, as when a forum is opened: store the 2 000 documents first.
  const app = await appUnderTest();
  for (let i = 0; i < DOCUMENTS; i += 100) {
    const data = indexes.slice(i, i + 100).map((j) => ({ name: docName(run, j), snapshot: snapshotOf(documentContent(j)) }));
    await app.prisma.collabDocument.createMany({ data });
  }
  const ours = await startOurServer();
  let oursRssMiB: number | null = null;
  let oursNote: string;
  try {
    const docs = await Promise.all(indexes.map(async (i) => ({ url: socketUrl(ours.url, docName(run, i), await benchToken(docName(run, i), `docs-${i}`)), index: i })));
    const o = await openAll(ours, docs, false);
    const loaded = o.bytes / DOCUMENTS / 1024;
    oursRssMiB = o.failed === 0 ? o.rss : null;
    oursNote =
      `${o.count} documents loaded from PostgreSQL in ${o.seconds.toFixed(1)} s (${o.failed} failed), ${loaded.toFixed(0)} KiB sent per document; ` +
      `RSS ${o.before} MiB before`;
  } finally {
    await ours.stop();
  }
  console.log(`[bench] 2000docs: stock ${stockRssMiB ?? "—"} MiB (${stockNote}); ours ${oursRssMiB ?? "—"} MiB (${oursNote}); ${machineLoad()}`);
  return { stockRssMiB, stockNote, oursRssMiB, oursNote };
}

export async function runChurn(run: string) {
  const app = await appUnderTest();
  const server = await startOurServer();
  const docNames = Array.from({ length: CHURN_DOCUMENTS }, (_, i) => `forum:bench-churn-${run}-${i}:minutes`);
  const children = Array.from({ length: PROCESSES }, (_, i) => new LoadProcess(`churn load#${i + 1}`, "collab-docs.child.ts"));
  try {
    const started = Date.now();
    const cpuBefore = cpuSeconds(server.pid);
    const results = await Promise.all(
      children.map((child, i) => {
        child.send({
          type: "churn",
          base: server.url,
          secret: app.collabSecret,
          docNames,
          cycles: CHURN_CYCLES / PROCESSES,
          concurrency: CHURN_CONCURRENCY / PROCESSES,
          slotPrefix: `churn-${i}`,
        });
        return child.expect("churned", 600_000);
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const serverCpu = ((cpuSeconds(server.pid) - cpuBefore) / seconds) * 100;
    const failed = results.reduce((sum, r) => sum + (r.failed as number), 0);
    const wrote = results.reduce((sum, r) => sum + (r.wrote as number), 0);
    const refusals = Object.assign({}, ...results.map((r) => r.refusals));
    // Documents unload once their last client has left and their updates are stored: wait for that, or 30 s.
    const left = Date.now();
    let metrics = await collabMetrics(server.url);
    while ((metrics.documents > 0 || metrics.connections > 0) && Date.now() - left < 30_000) {
      await pause(100);
      metrics = await collabMetrics(server.url);
    }
    const note =
      `${CHURN_CYCLES} cycles over ${CHURN_DOCUMENTS} documents in ${seconds.toFixed(1)} s (${CHURN_CONCURRENCY} at a time, ${wrote} wrote a paragraph, ` +
      `${failed} failed${failed ? ` ${JSON.stringify(refusals)}` : ""}, server CPU ${serverCpu.toFixed(0)} %); ` +
      `${metrics.documents} documents and ${metrics.connections} connections left ${((Date.now() - left) / 1000).toFixed(1)} s after the last cycle`;
    console.log(`[bench] churn: ${note}; ${machineLoad()}`);
    return { docsLeft: failed > CHURN_CYCLES * 0.05 ? null : metrics.documents, note };
  } finally {
    await stopAll(children);
    await server.stop();
  }
}
