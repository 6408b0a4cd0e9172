// Live annotation: "new comments on consultation X" (and "forum F of X was closed") travel from whichever web process
// stored them to every web process with a page of X open, through one Redis pub/sub channel. Messages carry ids
// only — the pages reload their data through their loaders, where scope and masking apply.
import type { Redis } from "ioredis";
import { getRedis, redisKey } from "./redis.server";
import { describeError } from "./log.server";

export type LiveEvent =
  /** New comments (one per card when a forum closes); `by` who stored them (null for the public). */
  | { type: "comments"; consultationId: string; commentIds: string[]; by: string | null }
  /** A forum was closed: its open pages turn read-only. */
  | { type: "forum-closed"; consultationId: string; forumId: string; by: string | null };

type Listener = (event: LiveEvent) => void;

const channel = () => redisKey("live", "comments");

/** Publishes an event. After the commit only; never fails the caller (a lost event costs a reload, not data). */
function announce(event: LiveEvent): void {
  const failed = (error: unknown) => console.error(`live events: could not announce ${event.type} on consultation ${event.consultationId}: ${describeError(error)}`);
  try {
    getRedis().publish(channel(), JSON.stringify(event)).catch(failed);
  } catch (error) {
    // No Redis configured in this process (a script storing comments): nobody is listening here anyway.
    failed(error);
  }
}

export function announceComments({ consultationId, commentIds, by }: { consultationId: string; commentIds: string[]; by: string | null }): void {
  if (commentIds.length > 0) announce({ type: "comments", consultationId, commentIds, by });
}

export function announceForumClosed({ consultationId, forumId, by }: { consultationId: string; forumId: string; by: string | null }): void {
  announce({ type: "forum-closed", consultationId, forumId, by });
}

const globalForLive = globalThis as unknown as {
  __liveEvents?: { subscriber: Redis; listeners: Map<string, Set<Listener>>; subscribed: Promise<unknown> };
};

function isLiveEvent(value: unknown): value is LiveEvent {
  const v = value as Record<string, unknown> | null;
  if (typeof v?.consultationId !== "string" || !(v.by === null || typeof v.by === "string")) return false;
  if (v.type === "comments") return Array.isArray(v.commentIds) && v.commentIds.every((id) => typeof id === "string");
  return v.type === "forum-closed" && typeof v.forumId === "string";
}

/** One subscriber connection per process (a subscribed Redis connection can do nothing else), fanned out locally. */
function hub() {
  if (!globalForLive.__liveEvents) {
    const subscriber = getRedis().duplicate();
    const listeners = new Map<string, Set<Listener>>();
    subscriber.on("error", (error) => console.error(`live events: redis: ${error.message}`));
    subscriber.on("message", (_channel: string, message: string) => {
      let event: unknown;
      try {
        event = JSON.parse(message);
      } catch {
        return console.warn("live events: ignored a malformed message");
      }
      if (!isLiveEvent(event)) return console.warn("live events: ignored a message of the wrong shape");
      for (const listener of listeners.get(event.consultationId) ?? []) listener(event);
    });
    const subscribed = subscriber.subscribe(channel());
    // A failed subscription is retried by the next page that opens (ioredis resubscribes after reconnections).
    subscribed.catch((error) => {
      console.error(`live events: could not subscribe: ${describeError(error)}`);
      if (globalForLive.__liveEvents?.subscriber === subscriber) delete globalForLive.__liveEvents;
      subscriber.disconnect();
    });
    globalForLive.__liveEvents = { subscriber, listeners, subscribed };
  }
  return globalForLive.__liveEvents;
}

/**
 * Calls `listener` for every event on the consultation until the returned function is called. Resolves once
 * the process is subscribed, so that nothing announced after that is missed; rejects when Redis cannot be reached.
 */
export async function onLiveEvents(consultationId: string, listener: Listener): Promise<() => void> {
  const { listeners, subscribed } = hub();
  await subscribed;
  let set = listeners.get(consultationId);
  if (!set) listeners.set(consultationId, (set = new Set()));
  set.add(listener);
  return () => {
    set!.delete(listener);
    if (set!.size === 0 && listeners.get(consultationId) === set) listeners.delete(consultationId);
  };
}
