// Several collab-server processes on one document, through Redis pub/sub: one channel per open document
// (`<prefix>:collab:doc:<name>`), which every process holding the document subscribes to before it loads it from
// PostgreSQL (so nothing committed after the load is missed; what arrives twice is applied idempotently).
//   - update: published by the process that stored it, right after the commit; the others apply it as already
//     stored and broadcast it to their own clients at once.
//   - awareness: states a process accepted from its own clients (checked against their tokens and rate there),
//     with the user they belong to, so that the others keep one user from taking another user's clientIDs.
//   - awareness-query: sent by a process that just loaded the document; the others answer with their clients' states.
//   - reload: "I could not publish some updates": the others reload the document from PostgreSQL.
// Redis keeps the order of one publisher's messages on a channel. A process whose subscription dropped reloads its
// documents from PostgreSQL once resubscribed. The frozen channel (`<prefix>:collab:frozen`, message = a document
// name) is published by the web app when a forum closes.
import crypto from "node:crypto";
import { Redis } from "ioredis";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import type { CollabMetrics } from "./metrics";
import type { Logger } from "./logger";

export type RelayMessage =
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; userId: string; update: Uint8Array }
  | { kind: "awareness-query" }
  | { kind: "reload" };

/** A message from another process; `origin` identifies that process. */
export type ReceivedMessage = RelayMessage & { origin: string };

export interface DocumentChannel {
  /** Resolves once subscribed (or after a timeout when Redis is unreachable: the reload after reconnecting covers it). */
  readonly ready: Promise<void>;
  publish(message: RelayMessage): void;
  leave(): void;
}

export interface Relay {
  /** This process's id on the channels (also in its Redis connections' names). */
  readonly origin: string;
  join(docName: string, onMessage: (message: ReceivedMessage) => void): DocumentChannel;
  /** A forum closed: its documents are read-only from now on. */
  onFrozen(listener: (docName: string) => void): void;
  /** The subscription dropped and is back: the open documents may have missed updates. */
  onResubscribed(listener: () => void): void;
  close(): Promise<void>;
}

export interface RelayOptions {
  redisUrl: string;
  /** Key prefix (QUEUE_PREFIX). */
  prefix: string;
  metrics: CollabMetrics;
  logger: Logger;
  subscribeTimeoutMs?: number;
}

const KINDS = ["update", "awareness", "awareness-query", "reload"] as const;
const ORIGIN_BYTES = 16;

function encodeMessage(origin: Buffer, message: RelayMessage): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, KINDS.indexOf(message.kind));
  encoding.writeUint8Array(encoder, origin);
  if (message.kind === "update") encoding.writeUint8Array(encoder, message.update);
  if (message.kind === "awareness") {
    encoding.writeVarString(encoder, message.userId);
    encoding.writeUint8Array(encoder, message.update);
  }
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** Throws on a malformed message. */
export function decodeMessage(data: Buffer): ReceivedMessage {
  const decoder = decoding.createDecoder(data);
  const kind = KINDS[decoding.readUint8(decoder)];
  const origin = Buffer.from(decoding.readUint8Array(decoder, ORIGIN_BYTES)).toString("hex");
  const rest = () => data.subarray(decoder.pos);
  switch (kind) {
    case "update":
      return { kind, origin, update: rest() };
    case "awareness": {
      const userId = decoding.readVarString(decoder);
      return { kind, origin, userId, update: rest() };
    }
    case "awareness-query":
    case "reload":
      return { kind, origin };
    default:
      throw new Error("unknown relay message kind");
  }
}

export function createRedisRelay({ redisUrl, prefix, metrics, logger, subscribeTimeoutMs = 2_000 }: RelayOptions): Relay {
  const originBytes = crypto.randomBytes(ORIGIN_BYTES);
  const origin = originBytes.toString("hex");
  const frozenChannel = `${prefix}:collab:frozen`;
  const channelOf = (docName: string) => `${prefix}:collab:doc:${docName}`;
  // Subscriptions are restored by hand after a reconnection (then the documents reload): see onReady.
  // No ready check: its INFO would be refused once a SUBSCRIBE sent during the handshake got there first.
  const subscriber = new Redis(redisUrl, {
    autoResubscribe: false,
    enableReadyCheck: false,
    maxRetriesPerRequest: null,
    connectionName: `collab-sub:${prefix}:${origin}`,
  });
  // Publishing fails fast while Redis is away rather than queueing without bound; the documents concerned are
  // announced for reloading once it is back.
  const publisher = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: `collab-pub:${prefix}:${origin}` });
  const handlers = new Map<string, { docName: string; onMessage: (message: ReceivedMessage) => void }>();
  const frozenListeners: Array<(docName: string) => void> = [];
  const resubscribedListeners: Array<() => void> = [];
  const unpublished = new Set<string>();
  let subscriberWasReady = false;
  let closed = false;

  for (const [name, connection] of [["subscriber", subscriber], ["publisher", publisher]] as const) {
    connection.on("error", (error) => logger.warn(`collab: redis ${name}: ${JSON.stringify(error.message)}`));
  }

  // Every (re)connection subscribes to every channel again (subscribing twice is harmless); after a reconnection
  // the open documents reload, as they may have missed messages meanwhile.
  subscriber.on("ready", () => {
    const reconnected = subscriberWasReady;
    subscriberWasReady = true;
    const channels = [frozenChannel, ...handlers.keys()];
    subscriber.subscribe(...channels).then(
      () => {
        if (!reconnected) return;
        logger.info(`collab: redis subscription restored (${channels.length} channels); reloading open documents`);
        for (const listener of resubscribedListeners) listener();
      },
      (error) => logger.error("collab: subscribing to redis channels failed", error),
    );
  });

  publisher.on("ready", () => {
    for (const docName of unpublished) send(docName, { kind: "reload" });
  });

  subscriber.on("messageBuffer", (channelBuffer: Buffer, data: Buffer) => {
    const channel = channelBuffer.toString();
    if (channel === frozenChannel) {
      const docName = data.toString("utf8");
      for (const listener of frozenListeners) listener(docName);
      return;
    }
    const handler = handlers.get(channel);
    if (!handler) return;
    let message: ReceivedMessage;
    try {
      message = decodeMessage(data);
    } catch (error) {
      return logger.error(`collab: a malformed relay message on ${JSON.stringify(channel)}`, error);
    }
    if (message.origin === origin) return;
    metrics.relayReceived++;
    handler.onMessage(message);
  });

  function send(docName: string, message: RelayMessage) {
    if (closed) return;
    publisher.publish(channelOf(docName), encodeMessage(originBytes, message)).then(
      () => {
        metrics.relayPublished++;
        if (message.kind === "reload") unpublished.delete(docName);
      },
      (error) => {
        metrics.relayPublishFailures++;
        if (!unpublished.has(docName)) logger.warn(`collab: could not relay to ${JSON.stringify(docName)}: ${JSON.stringify(error.message)}`);
        if (message.kind === "update" || message.kind === "reload") unpublished.add(docName);
      },
    );
  }

  return {
    origin,
    join(docName, onMessage) {
      const channel = channelOf(docName);
      const handler = { docName, onMessage };
      handlers.set(channel, handler);
      const subscribed = subscriber.subscribe(channel).then(() => {});
      const ready = Promise.race([
        subscribed,
        new Promise<void>((resolve) => setTimeout(resolve, subscribeTimeoutMs).unref()),
      ]).catch((error) => logger.warn(`collab: subscribing to ${JSON.stringify(docName)} failed: ${JSON.stringify(error.message)}`));
      return {
        ready,
        publish: (message) => send(docName, message),
        leave() {
          if (handlers.get(channel) !== handler) return;
          handlers.delete(channel);
          void subscriber.unsubscribe(channel).catch(() => {});
        },
      };
    },
    onFrozen: (listener) => void frozenListeners.push(listener),
    onResubscribed: (listener) => void resubscribedListeners.push(listener),
    async close() {
      closed = true;
      subscriber.disconnect();
      await publisher.quit().catch(() => publisher.disconnect());
    },
  };
}
