// One Redis connection per web process, for counters (login throttling, rate limits). Bull keeps its own.
import { Redis } from "ioredis";
import { getEnv } from "./env.server";

const globalForRedis = globalThis as unknown as { __redis?: Redis };

export function getRedis(): Redis {
  if (!globalForRedis.__redis) {
    const redis = new Redis(getEnv().REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
    redis.on("error", (error) => console.error(`redis: ${error.message}`));
    globalForRedis.__redis = redis;
  }
  return globalForRedis.__redis;
}

/** A Redis key under the platform's prefix. */
export function redisKey(...parts: string[]): string {
  return [getEnv().QUEUE_PREFIX, ...parts].join(":");
}
