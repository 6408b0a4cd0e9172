// The collaboration server: an HTTP server whose upgrades are authenticated, limited, then served as y-websocket
// connections on shared in-memory documents persisted to PostgreSQL. No side effects until createCollabServer().
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import type { PrismaClient } from "../app/utils/db.server";
import { authenticateUpgrade, refuseUpgrade } from "./authenticate";
import { closeGracefully, serveConnection } from "./connection";
import { createDocumentRegistry } from "./documents";
import { startKeepalive } from "./keepalive";
import { DEFAULT_LIMITS, type CollabLimits } from "./limits";
import { createMetrics, type CollabMetrics } from "./metrics";
import type { Logger } from "./logger";

export interface CollabServerOptions {
  prisma: PrismaClient;
  /** COLLAB_SECRET, the key collab tokens are signed with. */
  secret: string;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  limits?: Partial<CollabLimits>;
  logger?: Logger;
  /** Called after each batch of updates is written, e.g. to schedule a compaction job. */
  onUpdateStored?: (event: { docName: string; count: number }) => void;
  /** Called when a document leaves memory, its updates all stored (the last client left, or close()). */
  onDocumentUnloaded?: (event: { docName: string }) => void;
}

export interface CollabServer {
  readonly port: number;
  readonly metrics: CollabMetrics;
  /** Stops accepting, closes every connection, stores every document. */
  close(): Promise<void>;
}

export async function createCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  const { prisma, secret, host = "127.0.0.1", logger = console, onUpdateStored, onDocumentUnloaded } = options;
  const limits: CollabLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const metrics = createMetrics();
  const registry = createDocumentRegistry({ prisma, metrics, logger, onUpdateStored, onDocumentUnloaded });
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  let closing = false;

  const httpServer = http.createServer((request, response) => {
    if (request.url === "/healthz") {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify(metrics));
      return;
    }
    response.writeHead(426, { "Content-Type": "text/plain" }).end("Upgrade Required");
  });

  httpServer.on("upgrade", (request, socket, head) => {
    socket.on("error", () => socket.destroy());
    const check = authenticateUpgrade(request.url, secret);
    if (!check.ok) {
      metrics.refusedUpgrades++;
      logger.warn(`collab: refused an upgrade from ${request.socket.remoteAddress}: ${check.reason}`);
      return refuseUpgrade(socket, 401);
    }
    const { grant } = check;
    if (closing || registry.connectionCount(grant.docName) >= limits.maxConnectionsPerDocument) {
      metrics.refusedUpgrades++;
      logger.warn(`collab: refused an upgrade to ${grant.docName}: ${closing ? "shutting down" : "connection limit"}`);
      return refuseUpgrade(socket, 503);
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      wss.emit("connection", ws, request);
      serveConnection(ws, grant, { registry, limits, metrics, logger });
    });
  });

  const stopKeepalive = startKeepalive(wss, limits.pingIntervalMs, () => {
    metrics.droppedConnections++;
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });

  return {
    port: (httpServer.address() as AddressInfo).port,
    metrics,
    async close() {
      if (closing) return;
      closing = true;
      stopKeepalive();
      const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await Promise.all([...wss.clients].map((ws) => closeGracefully(ws, 1001, "server shutting down")));
      await registry.closeAll();
      wss.close();
      httpServer.closeAllConnections();
      await stopped;
    },
  };
}
