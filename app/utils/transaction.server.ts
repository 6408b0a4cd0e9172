// Runs database work in one transaction and enqueues the jobs it asked for only after the commit.
import type { PrismaClient } from "./db.server";
import type { Task } from "~/jobs/task";
import { enqueue } from "~/jobs/queue.server";

type TransactionClient = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface AfterCommit {
  enqueue<Props>(task: Task<Props>, props: Props): void;
}

export async function transaction<T>(
  prisma: PrismaClient,
  work: (tx: TransactionClient, afterCommit: AfterCommit) => Promise<T>,
): Promise<T> {
  const pending: Array<() => Promise<unknown>> = [];
  const afterCommit: AfterCommit = {
    enqueue: (task, props) => void pending.push(() => enqueue(task, props)),
  };
  const result = await prisma.$transaction((tx) => work(tx, afterCommit));
  for (const run of pending) await run();
  return result;
}
