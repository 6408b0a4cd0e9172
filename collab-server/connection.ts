// onConnect: serves one authenticated WebSocket. Incoming messages are held back (socket paused) until the
// document has loaded, then handled in order; on close the peer leaves the document and its lease is returned.
import { WebSocket, type RawData } from "ws";
import type { CollabGrant } from "../app/utils/collab-token.server";
import { handleMessage, type Peer } from "./messages";
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

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export function serveConnection(ws: WebSocket, grant: CollabGrant, context: ConnectionContext): void {
  const { registry, limits, metrics, logger } = context;
  const docName = grant.docName;
  let dropped = false;

  function drop(reason: string) {
    if (dropped) return;
    dropped = true;
    metrics.droppedConnections++;
    logger.warn(`collab: dropping a connection to ${docName} (user ${grant.userId}): ${reason}`);
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

  ws.on("close", () => {
    closed = true;
    metrics.connections--;
    void lease.document.then((shared) => shared.detach(peer), () => {});
    lease.release();
  });
  ws.on("error", (error) => logger.warn(`collab: socket error on ${docName}: ${error.message}`));

  lease.document.then(
    (shared) => {
      if (closed) return;
      ws.on("message", (data: RawData) => {
        try {
          const outcome = handleMessage(shared, peer, toBytes(data));
          if (outcome === "ignored-read-only") metrics.ignoredReadOnlyMessages++;
        } catch (error) {
          drop(`malformed message (${error instanceof Error ? error.message : String(error)})`);
        }
      });
      shared.attach(peer);
      ws.resume();
    },
    () => ws.close(1011, "document unavailable"),
  );
}
