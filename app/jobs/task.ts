// A background task: a named, idempotent unit of work run by the worker (app/jobs/worker.ts).
import type { JobOptions } from "bull";
import type { PrismaClient } from "~/utils/db.server";

export interface TaskContext {
  prisma: PrismaClient;
  log: (message: string) => void;
}

export interface Task<Props> {
  name: string;
  /** Bull options; attempts/backoff default to the queue's (see queue.server.ts). */
  options?: JobOptions;
  /** Must be safe to run twice with the same props: Bull retries and may redeliver. */
  perform(props: Props, ctx: TaskContext): Promise<unknown>;
}

export function defineTask<Props>(task: Task<Props>): Task<Props> {
  return task;
}
