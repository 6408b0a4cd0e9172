// Limits that keep one noisy document or client from hurting the others.
export interface CollabLimits {
  /** Connections allowed on one document; further upgrades are answered 503. */
  maxConnectionsPerDocument: number;
  /** Largest WebSocket message accepted; a bigger one closes the connection (1009). */
  maxMessageBytes: number;
  /** A client that has not answered the previous ping by the next one is dropped. */
  pingIntervalMs: number;
  /** A client this far behind in reading is dropped rather than buffered without end. */
  maxBufferedBytes: number;
}

export const DEFAULT_LIMITS: CollabLimits = {
  maxConnectionsPerDocument: 200,
  maxMessageBytes: 1024 * 1024,
  pingIntervalMs: 30_000,
  maxBufferedBytes: 16 * 1024 * 1024,
};
