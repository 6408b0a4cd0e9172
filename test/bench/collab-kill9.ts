// kill -9 of collab-server with 1 000 stock clients connected to one document while 10 of them type, then a restart
// on the same port. resync-s: from the kill until every client holds exactly the state all writers made (their own
// clocks, gathered once the server is dead), i.e. all clients identical and complete. lost: markers any client held
// at the kill that are missing from PostgreSQL once the clients have left and the document is stored (the writers,
// alive, re-send what the server had not stored). seen-unstored, the stricter rule: markers a client had received
// from another client that PostgreSQL did not hold when the server died (had their writers died too, they would be
// gone): the server must store an update before anyone but its author sees it.
import * as Y from "yjs";
import { LoadProcess, spread, stopAll } from "./collab-children";
import { clock, markersIn, minutesText } from "./collab-protocol";
import { benchToken, collabMetrics, machineLoad, startOurServer } from "./collab-servers";
import { appUnderTest } from "./app-under-test";
import { loadDocumentState } from "../../app/models/collab-document.server";

const CLIENTS = 1000;
const WRITERS = 10;
const RATE_PER_WRITER = 2;
const TYPING_SECONDS = 5;
const RESYNC_TIMEOUT_MS = 60_000;
const PROCESSES = Number(process.env.COLLAB_BENCH_LOAD_PROCESSES ?? 4);

export interface Kill9Outcome {
  resyncSeconds: number | null;
  lost: number | null;
  seenUnstored: number;
  note: string;
  lostNote: string;
  seenUnstoredNote: string;
}

async function storedMarkers(docName: string): Promise<Set<string>> {
  const app = await appUnderTest();
  const state = await loadDocumentState(app.prisma, docName);
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  const stored = new Set(markersIn(minutesText(doc)).map((m) => `${m.writer}.${m.seq}`));
  doc.destroy();
  return stored;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

export async function runKill9(docName: string): Promise<Kill9Outcome> {
  let server = await startOurServer();
  const specs = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => ({
      token: await benchToken(docName, `kill9-${i}`),
      writer: i < WRITERS ? i : undefined,
    })),
  );
  const children = spread(specs, PROCESSES).map((list, i) => ({ process: new LoadProcess(`kill9 load#${i + 1}`, "collab-kill9.child.ts"), list }));
  try {
    const connectStart = Date.now();
    await Promise.all(
      children.map(async ({ process, list }) => {
        process.send({ type: "setup", base: server.url, docName, clients: list, ratePerWriter: RATE_PER_WRITER });
        await process.expect("ready", 180_000);
      }),
    );
    console.log(`[bench] kill9: ${CLIENTS} clients connected and synced in ${((Date.now() - connectStart) / 1000).toFixed(1)} s; ${WRITERS} of them type ${RATE_PER_WRITER} updates/s each`);
    for (const { process } of children) process.send({ type: "type" });
    await new Promise((r) => setTimeout(r, TYPING_SECONDS * 1000));

    const killedAt = clock();
    await server.process.kill9();
    // What the dead server had stored, read before anyone can re-send anything (takes a few milliseconds).
    const storedAtKill = await storedMarkers(docName);
    const restarted = startOurServer({}, server.process.port);
    // What the clients held when the server died, and the state every one of them must end with.
    for (const { process } of children) process.send({ type: "snapshot" });
    const snapshots = await Promise.all(children.map(({ process }) => process.expect("seen", 30_000)));
    server = await restarted;
    const restartedAt = clock();
    const seen = new Set(snapshots.flatMap((s) => s.markers as string[]));
    const fromOthers = new Set(snapshots.flatMap((s) => s.fromOthers as string[]));
    const seenUnstored = [...fromOthers].filter((m) => !storedAtKill.has(m)).length;
    const seenUnstoredNote = `${fromOthers.size} markers received from another client before the kill, ${storedAtKill.size} stored when the server died`;
    const target: Record<string, number> = Object.assign({}, ...snapshots.map((s) => s.own));
    const typed = snapshots.reduce((sum, s) => sum + (s.typed as number), 0);
    for (const { process } of children) process.send({ type: "target", sv: target });

    let resyncSeconds: number | null = null;
    let note: string;
    try {
      const done = await Promise.all(children.map(({ process }) => process.expect("resynced", RESYNC_TIMEOUT_MS)));
      const at = Math.max(...done.map((d) => d.at as number));
      resyncSeconds = Number(((at - killedAt) / 1000).toFixed(2));
      note = `server listening again ${((restartedAt - killedAt) / 1000).toFixed(1)} s after the kill; all ${CLIENTS} clients identical ${((at - restartedAt) / 1000).toFixed(1)} s later`;
    } catch {
      for (const { process } of children) process.send({ type: "status" });
      const status = await Promise.all(children.map(({ process }) => process.expect("status", 10_000)));
      const count = status.reduce((sum, s) => sum + (s.resynced as number), 0);
      const connected = status.reduce((sum, s) => sum + (s.connected as number), 0);
      note = `only ${count} of ${CLIENTS} clients resynced (${connected} connected) ${RESYNC_TIMEOUT_MS / 1000} s after the kill`;
    }

    // Everyone leaves; the last one out stores the document. Then PostgreSQL must hold all that anyone had seen.
    for (const { process } of children) process.send({ type: "finish" });
    await Promise.all(children.map(({ process }) => process.expect("finished", 30_000)));
    const unloaded = await waitUntil(async () => (await collabMetrics(server.url)).documents === 0, 30_000);
    const stored = await storedMarkers(docName);
    const lost = [...seen].filter((m) => !stored.has(m)).length;
    const lostNote =
      `${seen.size} markers seen by clients at the kill, ${typed} typed in all, ${stored.size} stored` +
      (unloaded ? "" : "; the document was still in memory 30 s after the clients left");
    console.log(
      `[bench] kill9: resync ${resyncSeconds ?? "—"} s (${note}); lost ${lost} (${lostNote}); ` +
        `seen but unstored at the kill ${seenUnstored} (${seenUnstoredNote}); ${machineLoad()}`,
    );
    return { resyncSeconds, lost, seenUnstored, note, lostNote, seenUnstoredNote };
  } finally {
    await stopAll(children.map((c) => c.process));
    await server.stop();
  }
}
