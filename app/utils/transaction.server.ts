// Runs database work in one transaction and enqueues the jobs it asked for only after the commit.
import type { PrismaClient } from "./db.server";
import type { Task } from "~/jobs/task";
import { enqueue } from "~/jobs/queue.server";

export type TransactionClient = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface AfterCommit {
  enqueue<Props>(task: Task<Props>, props: Props): void;
}

export async function transaction<T>(
  prisma: PrismaClient,
  work: (tx: TransactionClient, afterCommit: AfterCommit) => Promise<T>,
): Promise<T> {
  const pending: Array<{ name: string; run: () => Promise<unknown> }> = [];
  const afterCommit: AfterCommit = {
    enqueue: (task, props) => void pending.push({ name: task.name, run: () => enqueue(task, props) }),
  };
  const result = await prisma.$transaction((tx) => work(tx, afterCommit), { timeout: 30_000 });
  // The data is committed: a queue outage must not turn the user's successful action into an error.
  // Tasks are idempotent follow-ups, so a lost one is logged for an operator (or the next trigger) to redo.
  for (const job of pending) {
    await job.run().catch((error) => console.error(`could not enqueue task ${job.name} after commit: ${(error as Error).message}`));
  }
  return result;
}
