// Shared by collab-server's tests: servers on port 0, stock y-websocket clients, raw sockets, and the minutes'
// rich text (paragraphs of the `default` XmlFragment) written the way the editor writes it.
import net from "node:net";
import * as Y from "yjs";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as encoding from "lib0/encoding";
import { issueCollabToken, type CollabMode } from "../app/utils/collab-token.server";
import { loadDocumentState } from "../app/models/collab-document.server";
import type { PrismaClient } from "../app/utils/db.server";
import { RICH_TEXT_FIELD } from "../app/components/editor/collaboration";
import { createCollabServer, type CollabServer, type CollabServerOptions } from "./server";
import { freePort, waitForPort } from "../scripts/infra/free-port";
import { startProcess, type ManagedProcess } from "../scripts/infra/processes";
import { MESSAGE_AWARENESS } from "./messages";
import { encodeAwarenessEntries, type AwarenessEntry } from "./awareness";

export const SECRET = "collab-test-secret-0123456789";
export const quiet = { info() {}, warn() {}, error: console.error };

/** Polls `condition` until it holds; throws after `timeoutMs`. */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function tokenFor(docName: string, mode: CollabMode = "write", userId = "u-writer", userName = "测试用户", ttlSeconds?: number) {
  return issueCollabToken({ userId, userName, docName, mode }, SECRET, ttlSeconds);
}

/** The minutes' rich text: the root fragment the editor binds (Tiptap's Collaboration field). */
export function minutesOf(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(RICH_TEXT_FIELD);
}

/** The text of the first paragraph, created if the document is still empty (as the editor does). */
export function bodyOf(doc: Y.Doc): Y.XmlText {
  const fragment = minutesOf(doc);
  if (fragment.length === 0) {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText()]);
    fragment.insert(0, [paragraph]);
  }
  return (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/** A capture board's cards (board-schema.ts). */
export function boardCardsOf(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>("cards");
}

/** Appends a card the way the forum workspace does: plain values and empty Y.Texts, in one transaction. */
export function addBoardCard(doc: Y.Doc, { id, createdBy, citation = "" }: { id: string; createdBy: string; citation?: string }) {
  const card = new Y.Map<unknown>();
  doc.transact(() => {
    card.set("id", id);
    card.set("citation", citation);
    card.set("createdBy", createdBy);
    card.set("createdAt", Date.now());
    for (const field of ["speaker", "speakerOccupation", "opinion", "suggestedText", "reason"]) card.set(field, new Y.Text());
    boardCardsOf(doc).push([card]);
  });
  return card;
}

/** The plain text of the minutes, one line per paragraph; never changes the document. */
export function textOf(doc: Y.Doc): string {
  return minutesOf(doc)
    .toArray()
    .map((paragraph) => (paragraph instanceof Y.XmlElement ? paragraph.toArray().map((t) => t.toString()).join("") : ""))
    .join("\n");
}

/** The document as stored in PostgreSQL (an empty doc when never stored). */
export async function storedDoc(prisma: PrismaClient, docName: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const state = await loadDocumentState(prisma, docName);
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

/** The updates of `received` that `doc` does not hold entirely (structs and deletions). */
export function missingFrom(doc: Y.Doc, received: Uint8Array[]): Uint8Array[] {
  const snapshot = Y.snapshot(doc);
  return received.filter((update) => !Y.snapshotContainsUpdate(snapshot, update));
}

/** Records every update a client's doc receives from the server (the provider is their origin). */
export function recordReceived(doc: Y.Doc, provider: WebsocketProvider): Uint8Array[] {
  const received: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin === provider) received.push(update);
  });
  return received;
}

export async function storedText(prisma: PrismaClient, docName: string): Promise<string> {
  const doc = new Y.Doc();
  const state = await loadDocumentState(prisma, docName);
  if (state) Y.applyUpdate(doc, state);
  return textOf(doc);
}

/** An awareness message as a client could craft it. */
export function awarenessMessage(entries: AwarenessEntry[]): Uint8Array {
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(message, encodeAwarenessEntries(entries));
  return encoding.toUint8Array(message);
}

/** A raw HTTP/1.1 exchange on a fresh TCP connection: resolves with the status code and the body. */
export function rawRequest(port: number, head: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(head));
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => (received += chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (!match) return reject(new Error(`no HTTP answer: ${JSON.stringify(received)}`));
      resolve({ status: Number(match[1]), body: received.slice(received.indexOf("\r\n\r\n") + 4) });
    });
  });
}

/** The head of a WebSocket upgrade request for `path`, as sent verbatim (no URL normalisation). */
export function upgradeHead(path: string): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`
  );
}

export interface CollabProcess {
  port: number;
  process: ManagedProcess;
  logs: string[];
}

/**
 * collab-server as deployed (collab-server/index.ts in a child process, so that it can be killed with SIGKILL), on
 * `port` (a free one by default), writing to `databaseUrl`; `env` adds or overrides variables.
 */
export async function startCollabProcess(databaseUrl: string, env: Record<string, string> = {}, port?: number): Promise<CollabProcess> {
  const listenOn = port ?? (await freePort());
  const logs: string[] = [];
  const child = startProcess(
    "collab",
    { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, COLLAB_SECRET: SECRET, COLLAB_PORT: String(listenOn), ...env },
    (line) => logs.push(line),
  );
  try {
    await waitForPort(listenOn);
  } catch (error) {
    await child.stop();
    throw new Error(`${(error as Error).message}\n${logs.join("\n")}`);
  }
  return { port: listenOn, process: child, logs };
}

/** SIGKILL: no shutdown handler runs, nothing in memory is stored. Resolves once the process is gone. */
export async function killHard(child: ManagedProcess): Promise<void> {
  if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill("SIGKILL");
  await child.exited;
}

/** Servers, clients and sockets of one test file, all closed by `cleanup()` after each test. */
export class Testbed {
  private servers: CollabServer[] = [];
  private providers: WebsocketProvider[] = [];
  private sockets: WebSocket[] = [];

  /** Servers write through `pg` to `databaseUrl` when given (as deployed), else through `prisma`. */
  constructor(
    private readonly prisma: () => PrismaClient,
    private readonly databaseUrl?: () => string,
  ) {}

  async start(options: Partial<CollabServerOptions> = {}): Promise<CollabServer> {
    const server = await createCollabServer({
      prisma: this.prisma(),
      databaseUrl: this.databaseUrl?.(),
      secret: SECRET,
      port: 0,
      logger: quiet,
      ...options,
    });
    this.servers.push(server);
    return server;
  }

  /** A stock y-websocket client, as the browser runs it (to a server of this testbed, or any on that port). */
  connect(server: Pick<CollabServer, "port">, room: string, token?: string) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}`, room, doc, {
      disableBc: true,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: token ? { token } : {},
      maxBackoffTime: 200,
    });
    this.providers.push(provider);
    return { doc, provider };
  }

  /** Closes `socket` with the others after the test. */
  track(socket: WebSocket): WebSocket {
    this.sockets.push(socket);
    return socket;
  }

  /** A bare WebSocket (no y-websocket client), open. */
  async openSocket(server: Pick<CollabServer, "port">, room: string, token: string): Promise<WebSocket> {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/${room}?token=${token}`);
    this.sockets.push(socket);
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    return socket;
  }

  /** A raw upgrade: resolves with the HTTP status of a refusal, or "open". */
  rawUpgrade(server: Pick<CollabServer, "port">, path: string): Promise<number | "open"> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${server.port}${path}`);
      this.sockets.push(socket);
      socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
      socket.on("open", () => resolve("open"));
      socket.on("error", reject);
    });
  }

  /** Forgets a client destroyed by the test itself. */
  forget(provider: WebsocketProvider): void {
    this.providers = this.providers.filter((p) => p !== provider);
  }

  async cleanup(): Promise<void> {
    for (const provider of this.providers) provider.destroy();
    for (const socket of this.sockets) socket.terminate();
    await Promise.all(this.servers.map((s) => s.close()));
    this.providers = [];
    this.sockets = [];
    this.servers = [];
  }
}
