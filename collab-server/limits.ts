// Limits that keep one noisy document, user or client from hurting the others. Defaults suit a minutes editor
// with a handful of typists and up to a few hundred readers per document.
export interface CollabLimits {
  /** Connections allowed on one document (COLLAB_MAX_CONNECTIONS_PER_DOCUMENT); further upgrades are answered 503. */
  maxConnectionsPerDocument: number;
  /**
   * Connections one user may hold on one document (COLLAB_MAX_CONNECTIONS_PER_USER_DOCUMENT), and across all
   * documents (COLLAB_MAX_CONNECTIONS_PER_USER); further upgrades are answered 429. Connections still waiting for
   * their document to load count. A user with several tabs open needs one connection per tab.
   */
  maxConnectionsPerUserDocument: number;
  maxConnectionsPerUser: number;
  /** Largest WebSocket message accepted; a bigger one closes the connection (1009). */
  maxMessageBytes: number;
  /**
   * Largest document (COLLAB_MAX_DOCUMENT_BYTES): the size it was loaded with plus the updates accepted since. An
   * update that would go beyond is refused (the connection is closed with 4413), except one that only deletes.
   */
  maxDocumentBytes: number;
  /** Largest awareness message (presence, carets); a bigger one is dropped unread. */
  maxAwarenessMessageBytes: number;
  /** Largest awareness state of one client, as JSON; a bigger one is dropped. A caret state takes about 300 bytes. */
  maxAwarenessStateBytes: number;
  /**
   * Awareness relayed per connection: a burst, then so many per second. Beyond that only the latest state is kept,
   * relayed when the rate allows, so carets lag a little but end where they are.
   */
  awarenessBurst: number;
  awarenessPerSecond: number;
  /**
   * A connection sending its own awareness faster than this, sustained over five seconds, is closed (4429). A stock
   * client sends one state per keystroke and per remote change, so busy rooms reach a few dozen per second.
   */
  awarenessFloodPerSecond: number;
  /** A client that has not answered the previous ping by the next one is dropped. */
  pingIntervalMs: number;
  /** A client this far behind in reading is dropped rather than buffered without end. */
  maxBufferedBytes: number;
}

export const DEFAULT_LIMITS: CollabLimits = {
  maxConnectionsPerDocument: 200,
  maxConnectionsPerUserDocument: 8,
  maxConnectionsPerUser: 20,
  maxMessageBytes: 1024 * 1024,
  maxDocumentBytes: 2 * 1024 * 1024,
  maxAwarenessMessageBytes: 32 * 1024,
  maxAwarenessStateBytes: 2 * 1024,
  awarenessBurst: 20,
  awarenessPerSecond: 10,
  awarenessFloodPerSecond: 100,
  pingIntervalMs: 30_000,
  maxBufferedBytes: 16 * 1024 * 1024,
};

/** The defaults with the limits that are set (an unset environment variable arrives as undefined) replaced. */
export function resolveLimits(overrides: { [K in keyof CollabLimits]?: CollabLimits[K] | undefined } = {}): CollabLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as Array<keyof CollabLimits>) {
    const value = overrides[key];
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}
