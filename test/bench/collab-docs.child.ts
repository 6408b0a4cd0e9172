// A load-generator process of the many-documents benchmarks (forked by collab-docs.ts), with raw protocol clients.
// ← open { docs: [{ url, index }], write } → opened: one client per document, kept open; with `write`, a client
//   finding its document empty fills it (the stock server has no storage to load it from). ← close → closed.
// ← churn { base, secret, docNames, cycles, concurrency, slotPrefix } → churned: connect, wait for the document,
//   every fourth time add a paragraph, leave (alternately with a close frame and by cutting the connection).
import * as Y from "yjs";
import { appendParagraph, RawReader, socketUrl } from "./collab-protocol";
import { reportErrors, withConcurrency } from "./collab-children";
import { issueCollabToken } from "../../app/utils/collab-token.server";
import { documentContent } from "./collab-content";

reportErrors();

const open: RawReader[] = [];

/** An update creating the minutes' first paragraph with `content`, as the editor would send it. */
function paragraphUpdate(state: Uint8Array, content: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  appendParagraph(doc, content);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

function isEmpty(state: Uint8Array): boolean {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const empty = doc.share.size === 0 || doc.getXmlFragment("default").length === 0;
  doc.destroy();
  return empty;
}

/** Resolves with the client once the server's sync step 2 (the whole document) arrived. */
function join(url: string, onState?: (reader: RawReader, state: Uint8Array) => void): Promise<RawReader> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no sync step 2 within 60 s")), 60_000);
    const reader = new RawReader(url, (r, state) => {
      clearTimeout(timer);
      onState?.(r, state);
      resolve(r);
    });
    reader.ready.catch((error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

process.on("message", async (message: { type: string } & Record<string, unknown>) => {
  if (message.type === "open") {
    const docs = message.docs as Array<{ url: string; index: number }>;
    let failed = 0;
    let stateBytes = 0;
    await withConcurrency(docs, 50, async ({ url, index }) => {
      try {
        const reader = await join(url, (r, state) => {
          stateBytes += state.length;
          if (message.write && isEmpty(state)) r.send(paragraphUpdate(state, documentContent(index)));
        });
        open.push(reader);
      } catch {
        failed++;
      }
    });
    process.send!({ type: "opened", opened: open.length, failed, stateBytes });
  } else if (message.type === "close") {
    for (const reader of open) reader.close(true);
    setTimeout(() => process.send!({ type: "closed" }), 500);
  } else if (message.type === "churn") {
    const { base, secret, docNames, cycles, concurrency, slotPrefix } = message as unknown as {
      base: string;
      secret: string;
      docNames: string[];
      cycles: number;
      concurrency: number;
      slotPrefix: string;
    };
    const started = Date.now();
    let failed = 0;
    let wrote = 0;
    const refusals: Record<string, number> = {};
    // One user per concurrent lane, as if each lane were one person opening and closing the page.
    const lanes = Array.from({ length: concurrency }, (_, lane) => lane);
    let next = 0;
    await withConcurrency(lanes, concurrency, async (lane) => {
      while (next < cycles) {
        const cycle = next++;
        const docName = docNames[Math.floor(Math.random() * docNames.length)];
        const token = issueCollabToken({ userId: `${slotPrefix}-${lane}`, userName: `压测${lane}`, docName, mode: "write" }, secret, 3600);
        try {
          const reader = await join(socketUrl(base, docName, token), (r, state) => {
            if (cycle % 4 === 0) {
              r.send(paragraphUpdate(state, `第${cycle}次进出时记下的一句话。`));
              wrote++;
            }
          });
          reader.close(cycle % 2 === 0);
        } catch (error) {
          failed++;
          const key = error instanceof Error ? error.message : String(error);
          refusals[key] = (refusals[key] ?? 0) + 1;
        }
      }
    });
    process.send!({ type: "churned", failed, wrote, refusals, elapsedMs: Date.now() - started });
  }
});
