// The Bull queue shared by the web app, collab-server and the worker.
import Queue from "bull";
import { getEnv } from "~/utils/env.server";
import type { Task } from "./task";

export const QUEUE_NAME = "lifa-tasks";

const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: 1_000,
  removeOnFail: 5_000,
} as const;

export function createQueue(redisUrl: string, prefix: string, settings?: Queue.AdvancedSettings): Queue.Queue {
  return new Queue(QUEUE_NAME, redisUrl, { prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS, settings });
}

const globalForQueue = globalThis as unknown as { __queue?: Queue.Queue };

export function getQueue(): Queue.Queue {
  if (!globalForQueue.__queue) {
    const env = getEnv();
    globalForQueue.__queue = createQueue(env.REDIS_URL, env.QUEUE_PREFIX);
  }
  return globalForQueue.__queue;
}

/**
 * Enqueues a task. Call it only after the database transaction that made the work necessary has committed
 * (see app/utils/transaction.server.ts), or the worker may not see the rows it needs.
 */
export async function enqueue<Props>(task: Task<Props>, props: Props, queue = getQueue()): Promise<string> {
  const job = await queue.add(task.name, props, { ...task.options, ...(task.jobId ? { jobId: task.jobId(props) } : {}) });
  return String(job.id);
}
