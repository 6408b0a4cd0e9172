// A child process for the kill-all test (kill-all.test.ts): stock y-websocket clients typing into one document,
// joining and leaving all the time, each appending every update it receives from the server to a file as it
// arrives (one base64 line per update, written synchronously), so that what they had received survives their
// SIGKILL. Configured by environment: TYPISTS_URL, TYPISTS_DOC, TYPISTS_OUT, COLLAB_SECRET, TYPISTS_COUNT.
import fs from "node:fs";
import * as Y from "yjs";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import { issueCollabToken } from "../app/utils/collab-token.server";
import { bodyOf } from "./test-helpers";

const url = process.env.TYPISTS_URL!;
const docName = process.env.TYPISTS_DOC!;
const out = process.env.TYPISTS_OUT!;
const secret = process.env.COLLAB_SECRET!;
const count = Number(process.env.TYPISTS_COUNT ?? 6);
let serial = 0;

interface Typist {
  provider: WebsocketProvider;
  doc: Y.Doc;
  timer: NodeJS.Timeout;
}

function join(): Typist {
  const id = serial++;
  const doc = new Y.Doc();
  const token = issueCollabToken({ userId: `typist-${id}`, userName: `打字员${id}`, docName, mode: "write" }, secret, 600);
  const provider = new WebsocketProvider(url, docName, doc, {
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    maxBackoffTime: 200,
  });
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin === provider) fs.appendFileSync(out, `${Buffer.from(update).toString("base64")}\n`);
  });
  const timer = setInterval(() => {
    // Types only once synced, so that its edits land in the shared paragraph rather than a paragraph of its own.
    if (!provider.synced) return;
    const body = bodyOf(doc);
    body.insert(Math.floor(Math.random() * (body.length + 1)), String(id % 10));
  }, 10 + Math.random() * 15);
  return { provider, doc, timer };
}

function leave(typist: Typist) {
  clearInterval(typist.timer);
  typist.provider.destroy();
  typist.doc.destroy();
}

const typists = Array.from({ length: count }, join);
// Every 150 ms someone leaves and someone new joins (fetching the document: a sync answer under load).
setInterval(() => {
  const index = Math.floor(Math.random() * typists.length);
  leave(typists[index]);
  typists[index] = join();
  process.stdout.write(`joined ${serial}\n`);
}, 150);
