// onConnect: serves one authenticated WebSocket. Incoming messages are held back (socket paused) until the
// document has loaded, then handled in order; on close the peer leaves the document and its lease is returned.
// A connection lives no longer than its token: when the token expires the socket is closed like any other (its
// updates stay queued for storage, the last one out flushes the document), and the stock client reconnects after
// its backoff (0.2 s) with the fresh token the browser has meanwhile put into provider.params.
import { WebSocket, type RawData } from "ws";
import type { CollabGrant } from "../app/utils/collab-token.server";
import { PERMANENT_CLOSE_CODES } from "../app/components/editor/collaboration";
import { handleMessage, type MessageOutcome, type Peer } from "./messages";
import type { DocumentRegistry } from "./documents";
import type { CollabLimits } from "./limits";
import type { CollabMetrics } from "./metrics";
import type { Logger } from "./logger";

export interface ConnectionContext {
  registry: DocumentRegistry;
  limits: CollabLimits;
  metrics: CollabMetrics;
  logger: Logger;
}

// Private-range close code, outside y-websocket's permanent 4400–4499: the stock client reconnects.
const TOKEN_EXPIRED_CLOSE_CODE = 4001;

/**
 * Why a connection is closed after one of its messages. A stock y-websocket client (3.x) stops reconnecting on
 * 4400–4499 and reconnects on anything else. A refused update must be permanent: the client keeps the change in its
 * doc and would re-send it in sync step 2 on every reconnection, in a loop. An unresolvable one is not: its
 * missing part is in that same step 2 (1013, try again later).
 */
const CLOSE_FOR: Partial<Record<MessageOutcome, { code: number; reason: string }>> = {
  "not-allowed": { code: PERMANENT_CLOSE_CODES.contentNotAllowed, reason: "update refused: content not allowed" },
  "over-quota": { code: PERMANENT_CLOSE_CODES.documentTooLarge, reason: "update refused: document too large" },
  unresolvable: { code: 1013, reason: "update refused: missing dependencies" },
  flooding: { code: PERMANENT_CLOSE_CODES.tooManyMessages, reason: "too many awareness messages" },
};
const CLOSE_GRACE_MS = 1_000;
// setTimeout fires at once when asked to wait longer than this (about 24.8 days).
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Closes with a closing handshake, terminating a peer that does not answer it; resolves once closed. */
export function closeGracefully(ws: WebSocket, code: number, reason: string): Promise<void> {
  return new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) return resolve();
    ws.once("close", () => resolve());
    ws.close(code, reason);
    setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
  });
}

/** Calls `expire` when the token expires (exp in seconds); returns the cancel function. */
function onTokenExpiry(exp: number, expire: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const wait = () => {
    const remaining = exp * 1000 - Date.now();
    if (remaining <= 0) return expire();
    timer = setTimeout(wait, Math.min(remaining, MAX_TIMER_MS)).unref();
  };
  wait();
  return () => clearTimeout(timer);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export function serveConnection(ws: WebSocket, grant: CollabGrant, context: ConnectionContext): void {
  const { registry, limits, metrics, logger } = context;
  const docName = grant.docName;
  let ended = false;

  const who = `${JSON.stringify(docName)} (user ${JSON.stringify(grant.userId)})`;

  function drop(reason: string) {
    if (ended) return;
    ended = true;
    metrics.droppedConnections++;
    logger.warn(`collab: dropping a connection to ${who}: ${reason}`);
    ws.terminate();
  }

  const peer: Peer = {
    grant,
    send(message) {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (ws.bufferedAmount > limits.maxBufferedBytes) return drop("client too slow to read");
      ws.send(message, (error) => {
        if (error) drop(`send failed: ${error.message}`);
      });
    },
  };

  metrics.connections++;
  ws.pause();
  const lease = registry.acquire(docName);
  let closed = false;
  let cancelExpiry = () => {};

  ws.on("close", () => {
    closed = true;
    cancelExpiry();
    metrics.connections--;
    void lease.document.then((shared) => shared.detach(peer), () => {});
    lease.release();
  });
  ws.on("error", (error) => logger.warn(`collab: socket error on ${who}: ${JSON.stringify(error.message)}`));

  lease.document.then(
    (shared) => {
      if (closed) return;
      ws.on("message", (data: RawData) => {
        // Whatever the client sent after the message that got it closed is not read.
        if (ended) return;
        let outcome: MessageOutcome;
        try {
          outcome = handleMessage(shared, peer, toBytes(data));
        } catch (error) {
          return drop(`malformed message (${JSON.stringify(error instanceof Error ? error.message : String(error))})`);
        }
        if (outcome === "ignored-read-only") metrics.ignoredReadOnlyMessages++;
        const close = CLOSE_FOR[outcome];
        if (!close) return;
        ended = true;
        if (outcome === "flooding") {
          metrics.droppedConnections++;
          logger.warn(`collab: closing a connection to ${who}: ${close.reason}`);
        }
        void closeGracefully(ws, close.code, close.reason);
      });
      shared.attach(peer);
      ws.resume();
    },
    () => ws.close(1011, "document unavailable"),
  );

  cancelExpiry = onTokenExpiry(grant.exp, () => {
    metrics.expiredConnections++;
    logger.info(`collab: closing a connection to ${who}: token expired`);
    void closeGracefully(ws, TOKEN_EXPIRED_CLOSE_CODE, "token expired");
  });
}
