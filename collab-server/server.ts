// The collaboration server: an HTTP server whose upgrades are authenticated, limited, then served as y-websocket
// connections on shared in-memory documents persisted to PostgreSQL (group-commit.ts) and shared with the other
// collab-server processes through Redis (relay.ts). No side effects until createCollabServer().
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { PrismaClient } from "../app/utils/db.server";
import { authenticateUpgrade, refuseUpgrade, REFUSAL_STATUS, type RefusalStatus } from "./authenticate";
import { closeGracefully, serveConnection } from "./connection";
import { createConnectionCaps } from "./connection-caps";
import { createDocumentRegistry } from "./documents";
import { createHttpHandler } from "./http-endpoints";
import { startKeepalive } from "./keepalive";
import { resolveLimits, type CollabLimits } from "./limits";
import { createMetrics, recordCommitMs, type CollabMetrics } from "./metrics";
import { createGroupCommit } from "./group-commit";
import { createPgStore, createPrismaStore, type CollabStore } from "./store";
import { createRedisRelay, type Relay } from "./relay";
import type { PendingUpdate } from "./shared-document";
import type { Logger } from "./logger";

export interface CollabServerOptions {
  /**
   * PostgreSQL (DATABASE_URL): updates are written through `pg` on a connection of their own, in group commits.
   * Preferred; without it, `prisma` is used for everything (slower writes).
   */
  databaseUrl?: string;
  prisma?: PrismaClient;
  /**
   * Redis (REDIS_URL): with it, several collab-server processes can serve one document (updates and awareness are
   * relayed between them) and closed forums' documents are frozen on the web app's announcement. Without it, one
   * process must serve all the connections of a document.
   */
  redisUrl?: string;
  /** Redis key prefix (QUEUE_PREFIX); default "lifa". */
  redisPrefix?: string;
  /** How long the first update after a quiet spell waits for others before its write starts; default 0 (group-commit.ts). */
  commitGatherMs?: number;
  /** Group commits running at once, each on a connection of its own; default 2. */
  commitsInFlight?: number;
  /** COLLAB_SECRET, the key collab tokens are signed with. */
  secret: string;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** Unset (or undefined) limits take their defaults (limits.ts). */
  limits?: { [K in keyof CollabLimits]?: CollabLimits[K] | undefined };
  logger?: Logger;
  /** Called after each batch of a document's updates is written, e.g. to schedule a compaction job. */
  onUpdateStored?: (event: { docName: string; count: number }) => void;
  /** Called when a document leaves memory, its updates all stored (the last client left, or close()). */
  onDocumentUnloaded?: (event: { docName: string }) => void;
}

export interface CollabServer {
  readonly port: number;
  readonly metrics: CollabMetrics;
  /** This process's id among the collab-server processes (Redis), null without Redis. */
  readonly relayId: string | null;
  /** Stops accepting, closes every connection, stores every document. */
  close(): Promise<void>;
}

export async function createCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  const { secret, host = "127.0.0.1", logger = console, onUpdateStored, onDocumentUnloaded } = options;
  const limits = resolveLimits(options.limits);
  const metrics = createMetrics();
  let store: CollabStore;
  const commitsInFlight = options.commitsInFlight ?? 2;
  if (options.databaseUrl) store = createPgStore(options.databaseUrl, logger, commitsInFlight);
  else if (options.prisma) store = createPrismaStore(options.prisma);
  else throw new Error("createCollabServer: databaseUrl (or prisma) is required");
  const commit = createGroupCommit<PendingUpdate>({
    store: (batch) => store.append(batch),
    gatherMs: options.commitGatherMs,
    maxInFlight: commitsInFlight,
    onStored(batch, elapsedMs) {
      metrics.storeBatches++;
      recordCommitMs(metrics, elapsedMs);
      metrics.updatesStored += batch.length;
    },
    onStoreError(error, attempt, count) {
      metrics.storeFailures++;
      logger.error(`collab: storing ${count} updates failed (attempt ${attempt}), retrying`, error);
    },
    onSinkError: (error) => logger.error("collab: broadcasting stored updates threw", error),
  });
  const relay: Relay | null = options.redisUrl
    ? createRedisRelay({ redisUrl: options.redisUrl, prefix: options.redisPrefix ?? "lifa", metrics, logger })
    : null;
  const registry = createDocumentRegistry({ store, commit, relay, limits, metrics, logger, onUpdateStored, onDocumentUnloaded });
  const caps = createConnectionCaps(limits);
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  const handleHttp = createHttpHandler(secret, metrics);
  let closing = false;

  function refuse(request: http.IncomingMessage, socket: Duplex, status: RefusalStatus, reason: string) {
    metrics.refusedUpgrades++;
    const from = JSON.stringify(request.socket.remoteAddress ?? "");
    logger.warn(`collab: refused an upgrade from ${from} (${status}): ${reason}`);
    refuseUpgrade(socket, status);
  }

  // Runs on every upgrade, whatever its request line; hands the WebSocket to `opened` once there is one.
  function upgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer, opened: (ws: WebSocket) => void) {
    const check = authenticateUpgrade(request.url, secret);
    if (!check.ok) {
      if (check.reason === "bad-request") metrics.malformedRequests++;
      return refuse(request, socket, REFUSAL_STATUS[check.reason], check.reason);
    }
    const { grant } = check;
    const doc = JSON.stringify(grant.docName);
    if (closing) return refuse(request, socket, 503, `${doc}: shutting down`);
    const reservation = caps.reserve(grant);
    if (!reservation.ok) {
      if (reservation.cap === "document") return refuse(request, socket, 503, `${doc}: connection limit of the document`);
      metrics.overCapUpgrades++;
      const user = JSON.stringify(grant.userId);
      return refuse(request, socket, 429, `${doc}: user ${user} over the ${reservation.cap} connection cap`);
    }
    // Also fires when the handshake fails before any WebSocket exists.
    socket.once("close", reservation.release);
    wss.handleUpgrade(request, socket, head, (ws) => {
      opened(ws);
      wss.emit("connection", ws, request);
      serveConnection(ws, grant, { registry, limits, metrics, logger });
    });
  }

  // One request's input must never end the process: whatever throws is logged and answered, that request alone.
  const httpServer = http.createServer((request, response) => {
    try {
      handleHttp(request, response);
    } catch (error) {
      metrics.requestErrors++;
      // The path only: a query may hold a token.
      logger.error(`collab: handling ${JSON.stringify((request.url ?? "").split("?")[0])} threw`, error);
      if (response.headersSent) response.destroy();
      else response.writeHead(500, { "Content-Type": "text/plain" }).end("Internal Server Error");
    }
  });

  httpServer.on("upgrade", (request, socket, head) => {
    socket.on("error", () => socket.destroy());
    let ws: WebSocket | undefined;
    try {
      upgrade(request, socket, head, (opened) => (ws = opened));
    } catch (error) {
      metrics.requestErrors++;
      logger.error("collab: handling an upgrade threw", error);
      if (ws) ws.terminate();
      else if (!socket.destroyed) refuse(request, socket, 500, "internal error");
    }
  });

  const stopKeepalive = startKeepalive(wss, limits.pingIntervalMs, () => {
    metrics.droppedConnections++;
  });

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once("error", reject);
      httpServer.listen(options.port, host, () => {
        httpServer.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    stopKeepalive();
    await Promise.allSettled([relay?.close(), store.close()]);
    throw error;
  }

  return {
    port: (httpServer.address() as AddressInfo).port,
    metrics,
    relayId: relay?.origin ?? null,
    async close() {
      if (closing) return;
      closing = true;
      stopKeepalive();
      const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await Promise.all([...wss.clients].map((ws) => closeGracefully(ws, 1001, "server shutting down")));
      await registry.closeAll();
      await commit.flush();
      await Promise.allSettled([relay?.close(), store.close()]);
      wss.close();
      httpServer.closeAllConnections();
      await stopped;
    },
  };
}
