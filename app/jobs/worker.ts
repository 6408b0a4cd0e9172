// The worker process: runs the tasks of app/jobs/registry.ts from the Bull queue.
import { createPrismaClient } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { createQueue } from "./queue.server";
import { tasks } from "./registry";

const CONCURRENCY = 4;

async function main() {
  const env = getEnv();
  const prisma = createPrismaClient(env.DATABASE_URL);
  // A killed worker's jobs are taken up again once its lock on them expires (and checked for that as often).
  const lockDuration = env.QUEUE_LOCK_DURATION_MS;
  const queue = createQueue(env.REDIS_URL, env.QUEUE_PREFIX, { lockDuration, stalledInterval: Math.min(30_000, lockDuration) });
  const log = (message: string) => console.log(message);

  queue.process("*", CONCURRENCY, async (job) => {
    const task = tasks[job.name];
    if (!task) throw new Error(`Unknown task "${job.name}" (job ${job.id}); is it registered in app/jobs/registry.ts?`);
    return task.perform(job.data, { prisma, log, progress: (progress) => job.progress(progress) });
  });
  queue.on("failed", (job, error) => {
    console.error(`task ${job.name} (job ${job.id}) failed on attempt ${job.attemptsMade}: ${error.message}`);
    const task = tasks[job.name];
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || /stalled more than allowable limit/.test(error.message);
    if (final && task?.onFinalFailure) {
      task.onFinalFailure(job.data, error, { prisma, log }).catch((e) => console.error(`task ${job.name} (job ${job.id}): onFinalFailure failed: ${(e as Error).message}`));
    }
  });
  await queue.isReady();
  console.log(`worker ready: ${Object.keys(tasks).length} task(s) registered, concurrency ${CONCURRENCY}`);

  const stop = async () => {
    await queue.close();
    await prisma.$disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
