// Counters exposed on the server handle (and by /healthz); plain numbers, cheap to update on the hot path.
export interface CollabMetrics {
  /** Open WebSocket connections. */
  connections: number;
  /** Documents held in memory. */
  documents: number;
  /** Updates written to PostgreSQL. */
  updatesStored: number;
  /** Write batches that failed and were retried. */
  storeFailures: number;
  /** Upgrades refused: bad or missing token (401), too many connections or shutting down (503). */
  refusedUpgrades: number;
  /** Sync step 2 / update messages from read-only clients, dropped unapplied. */
  ignoredReadOnlyMessages: number;
  /** Connections terminated for missing pongs, slow reading or malformed messages. */
  droppedConnections: number;
  /** Connections closed because their token expired (the client reconnects with a fresh one). */
  expiredConnections: number;
}

export function createMetrics(): CollabMetrics {
  return {
    connections: 0,
    documents: 0,
    updatesStored: 0,
    storeFailures: 0,
    refusedUpgrades: 0,
    ignoredReadOnlyMessages: 0,
    droppedConnections: 0,
    expiredConnections: 0,
  };
}
