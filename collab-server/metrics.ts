// Counters exposed on the server handle and, to holders of COLLAB_SECRET, at /metrics; plain numbers, cheap to
// update on the hot path.
export interface CollabMetrics {
  /** Open WebSocket connections. */
  connections: number;
  /** Documents held in memory. */
  documents: number;
  /** Updates written to PostgreSQL. */
  updatesStored: number;
  /** Group commits: statements that stored updates (of any number of documents). */
  storeBatches: number;
  /** How long group commits took recently (the last 1 024), in ms: the floor of every update's latency. */
  readonly commitMsP50: number;
  readonly commitMsP99: number;
  /** Write batches that failed and were retried. */
  storeFailures: number;
  /** Sync answers to joining peers held back until the updates they contain were stored. */
  deferredSyncAnswers: number;
  /** Upgrades refused, whatever the reason (400, 401, 429, 503, 500); the next counters break some of them down. */
  refusedUpgrades: number;
  /** Upgrades with a request target no client sends (400). */
  malformedRequests: number;
  /** Upgrades over a user's connection cap, on one document or overall (429). */
  overCapUpgrades: number;
  /** Requests and upgrades whose handling threw (answered 500, the process carries on). */
  requestErrors: number;
  /** Sync step 2 / update messages from read-only clients, dropped unapplied. */
  ignoredReadOnlyMessages: number;
  /** Documents this process froze (their forum closed) while it held them. */
  frozenDocuments: number;
  /** Updates sent to a frozen document (its forum closed), dropped unapplied. */
  ignoredFrozenUpdates: number;
  /** Messages published to, and received from, the other collab-server processes through Redis. */
  relayPublished: number;
  relayReceived: number;
  /** Publications that failed (Redis away); the documents concerned are announced for reloading. */
  relayPublishFailures: number;
  /** Updates stored elsewhere (another process, a reload) applied to a document here and broadcast. */
  relayedUpdatesApplied: number;
  /** Documents read back from PostgreSQL because relayed messages may have been missed. */
  documentsReloaded: number;
  /** Updates refused unapplied: content the editor never writes, over the document quota, or unresolvable. */
  refusedUpdates: number;
  /** Awareness messages dropped unread for their size. */
  refusedAwarenessMessages: number;
  /** Awareness states dropped: larger than allowed, or not an object. */
  refusedAwarenessStates: number;
  /** Awareness messages held back by the per-connection rate (only the latest one held is relayed). */
  throttledAwarenessMessages: number;
  /** Connections terminated for missing pongs, slow reading or malformed messages, or closed for flooding. */
  droppedConnections: number;
  /** Connections closed because their token expired (the client reconnects with a fresh one). */
  expiredConnections: number;
}

const RECENT = 1_024;
const commitTimes = Symbol("commitTimes");

interface WithCommitTimes {
  [commitTimes]: { values: Float64Array; count: number };
}

/** Notes how long one group commit took. */
export function recordCommitMs(metrics: CollabMetrics, ms: number): void {
  const ring = (metrics as CollabMetrics & WithCommitTimes)[commitTimes];
  ring.values[ring.count++ % RECENT] = ms;
}

function recentPercentile(ring: WithCommitTimes[typeof commitTimes], p: number): number {
  const values = ring.values.slice(0, Math.min(ring.count, RECENT)).sort();
  if (values.length === 0) return 0;
  return Number(values[Math.min(values.length - 1, Math.ceil(p * values.length) - 1)].toFixed(1));
}

export function createMetrics(): CollabMetrics {
  const ring = { values: new Float64Array(RECENT), count: 0 };
  const metrics: CollabMetrics & WithCommitTimes = {
    // A symbol key: not shown at /metrics (JSON.stringify skips it).
    [commitTimes]: ring,
    get commitMsP50() {
      return recentPercentile(ring, 0.5);
    },
    get commitMsP99() {
      return recentPercentile(ring, 0.99);
    },
    connections: 0,
    documents: 0,
    updatesStored: 0,
    storeBatches: 0,
    storeFailures: 0,
    deferredSyncAnswers: 0,
    refusedUpgrades: 0,
    malformedRequests: 0,
    overCapUpgrades: 0,
    requestErrors: 0,
    ignoredReadOnlyMessages: 0,
    frozenDocuments: 0,
    ignoredFrozenUpdates: 0,
    relayPublished: 0,
    relayReceived: 0,
    relayPublishFailures: 0,
    relayedUpdatesApplied: 0,
    documentsReloaded: 0,
    refusedUpdates: 0,
    refusedAwarenessMessages: 0,
    refusedAwarenessStates: 0,
    throttledAwarenessMessages: 0,
    droppedConnections: 0,
    expiredConnections: 0,
  };
  return metrics;
}
