// A load-generator process of the kill -9 benchmark (forked by collab-kill9.ts): stock y-websocket clients
// (WebsocketProvider, default reconnect backoff, as the browser runs them), some of them typing into their own
// paragraph of the minutes. Writers announce presence (awareness with a user), readers do not (viewers).
// Messages: ← setup { base, docName, clients, ratePerWriter } → ready; ← type; ← snapshot → seen { markers, fromOthers, own, typed }
// (after the server died: what these clients hold); ← target { sv } → resynced { at } once every client holds exactly
// the target state; ← status → status { resynced, connected }; ← finish → finished (providers closed).
import * as Y from "yjs";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import { appendParagraph, clock, marker, markersIn, minutesText } from "./collab-protocol";
import { reportErrors, withConcurrency } from "./collab-children";

interface Kill9Client {
  token: string;
  writer?: number;
}

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  writer?: number;
  text?: Y.XmlText;
  seq: number;
  typing: boolean;
}

reportErrors();
// Every WebsocketProvider adds a process 'exit' listener; hundreds of them here are expected.
process.setMaxListeners(0);

const clients: Client[] = [];
let ratePerWriter = 1;
let target: Map<number, number> | null = null;
let reportedResync = false;

function connect(base: string, docName: string, spec: Kill9Client): Promise<void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(base, docName, doc, {
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token: spec.token },
  });
  if (spec.writer === undefined) provider.awareness.setLocalState(null);
  else provider.awareness.setLocalStateField("user", { name: `压测写手${spec.writer}`, color: "#1d4ed8" });
  const client: Client = { doc, provider, writer: spec.writer, seq: 0, typing: false };
  clients.push(client);
  // A writer stops typing for good when its connection drops: what it typed is what the test accounts for.
  provider.on("status", ({ status }: { status: string }) => {
    if (status === "disconnected") client.typing = false;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("client not synced within 90 s")), 90_000);
    provider.once("sync", () => {
      clearTimeout(timer);
      if (spec.writer !== undefined) client.text = appendParagraph(doc);
      resolve();
    });
  });
}

function startTyping() {
  const period = 1000 / ratePerWriter;
  for (const client of clients) {
    if (client.writer === undefined) continue;
    client.typing = true;
    const tick = () => {
      if (!client.typing) return;
      client.text!.insert(client.text!.length, marker(client.writer!, client.seq++, clock()));
      setTimeout(tick, period);
    };
    setTimeout(tick, Math.random() * period);
  }
}

function resynced(client: Client): boolean {
  if (!client.provider.wsconnected || !client.provider.synced || !target) return false;
  for (const [id, clock] of target) if (Y.getState(client.doc.store, id) !== clock) return false;
  return true;
}

function watchResync() {
  const timer = setInterval(() => {
    if (reportedResync) return clearInterval(timer);
    if (clients.every(resynced)) {
      reportedResync = true;
      process.send!({ type: "resynced", at: clock() });
    }
  }, 20);
}

async function allDisconnected(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (clients.some((c) => c.provider.wsconnected) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

process.on("message", async (message: { type: string } & Record<string, unknown>) => {
  switch (message.type) {
    case "setup": {
      const { base, docName, clients: specs } = message as unknown as { base: string; docName: string; clients: Kill9Client[] };
      ratePerWriter = message.ratePerWriter as number;
      await withConcurrency(specs, 25, (spec) => connect(base, docName, spec));
      process.send!({ type: "ready" });
      break;
    }
    case "type":
      startTyping();
      break;
    case "snapshot": {
      await allDisconnected(5_000);
      for (const client of clients) client.typing = false;
      // Everything held, and what was received from another client (the server sent it: it must have been stored).
      const seen = new Set<string>();
      const fromOthers = new Set<string>();
      for (const client of clients) {
        for (const m of markersIn(minutesText(client.doc))) {
          seen.add(`${m.writer}.${m.seq}`);
          if (m.writer !== client.writer) fromOthers.add(`${m.writer}.${m.seq}`);
        }
      }
      const own: Record<number, number> = {};
      let typed = 0;
      for (const client of clients) {
        if (client.writer === undefined) continue;
        own[client.doc.clientID] = Y.getState(client.doc.store, client.doc.clientID);
        typed += client.seq;
      }
      process.send!({ type: "seen", markers: [...seen], fromOthers: [...fromOthers], own, typed, stillConnected: clients.filter((c) => c.provider.wsconnected).length });
      break;
    }
    case "target":
      target = new Map(Object.entries(message.sv as Record<string, number>).map(([id, clock]) => [Number(id), clock]));
      watchResync();
      break;
    case "status":
      process.send!({
        type: "status",
        resynced: clients.filter(resynced).length,
        connected: clients.filter((c) => c.provider.wsconnected).length,
      });
      break;
    case "finish":
      for (const client of clients) client.provider.destroy();
      setTimeout(() => process.send!({ type: "finished" }), 500);
      break;
  }
});
