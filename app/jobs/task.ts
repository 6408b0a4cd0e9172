// A background task: a named, idempotent unit of work run by the worker (app/jobs/worker.ts).
import type { JobOptions } from "bull";
import type { PrismaClient } from "~/utils/db.server";

export interface TaskContext {
  prisma: PrismaClient;
  log: (message: string) => void;
  /** Tells whoever watches the job how far it got (Bull's job.progress; a page's progress bar). Absent outside the worker. */
  progress?: (progress: TaskProgress) => Promise<void>;
}

/** A job's progress as stored on the Bull job: percent 0..100 and the stage it is in (plus anything the task adds). */
export interface TaskProgress {
  percent: number;
  stage: string;
  [detail: string]: unknown;
}

export interface Task<Props> {
  name: string;
  /** Bull options; attempts/backoff default to the queue's (see queue.server.ts). */
  options?: JobOptions;
  /** Must be safe to run twice with the same props: Bull retries and may redeliver. */
  perform(props: Props, ctx: TaskContext): Promise<unknown>;
  /** The Bull job id for these props: one job per id (adding it again while the job exists does nothing). */
  jobId?(props: Props): string;
  /** Called once when the job has failed for good (attempts used up, or stalled too often), e.g. to mark a row failed. */
  onFinalFailure?(props: Props, error: Error, ctx: TaskContext): Promise<void>;
}

export function defineTask<Props>(task: Task<Props>): Task<Props> {
  return task;
}
