// Entry point of collab-server (`node --import tsx collab-server/index.ts`): the only module with side effects.
// It needs DATABASE_URL, REDIS_URL and COLLAB_SECRET, never SESSION_SECRET (the web app's alone). Any number of these
// processes may serve the same documents (they relay through Redis): no sticky routing needed.
import { getEnv } from "../app/utils/env.server";
import { createQueue } from "../app/jobs/queue.server";
import { requestCompaction } from "../app/jobs/compaction-requests.server";
import { createCompactionTrigger } from "./compaction";
import { createCollabServer } from "./server";

const SHUTDOWN_TIMEOUT_MS = 15_000;

async function main() {
  const env = getEnv();
  const host = env.COLLAB_HOST;
  const queue = createQueue(env.REDIS_URL, env.QUEUE_PREFIX);
  const compaction = createCompactionTrigger((docName) => {
    requestCompaction(queue, docName).catch((error) =>
      console.error(`collab-server: could not request the compaction of ${JSON.stringify(docName)}:`, error),
    );
  });
  const server = await createCollabServer({
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.QUEUE_PREFIX,
    secret: env.COLLAB_SECRET,
    port: env.COLLAB_PORT,
    host,
    commitGatherMs: env.COLLAB_COMMIT_GATHER_MS,
    limits: {
      maxConnectionsPerDocument: env.COLLAB_MAX_CONNECTIONS_PER_DOCUMENT,
      maxConnectionsPerUserDocument: env.COLLAB_MAX_CONNECTIONS_PER_USER_DOCUMENT,
      maxConnectionsPerUser: env.COLLAB_MAX_CONNECTIONS_PER_USER,
      maxDocumentBytes: env.COLLAB_MAX_DOCUMENT_BYTES,
      maxMessageBytes: env.COLLAB_MAX_MESSAGE_BYTES,
      awarenessBurst: env.COLLAB_AWARENESS_BURST,
      awarenessPerSecond: env.COLLAB_AWARENESS_PER_SECOND,
      awarenessFloodPerSecond: env.COLLAB_AWARENESS_FLOOD_PER_SECOND,
    },
    onUpdateStored: compaction.onUpdateStored,
    onDocumentUnloaded: compaction.onDocumentUnloaded,
  });
  console.info(`collab-server listening on ws://${host}:${server.port}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      console.error(`collab-server: second ${signal}, exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    console.info(`collab-server: ${signal} received, storing documents and closing connections`);
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), SHUTDOWN_TIMEOUT_MS).unref());
    const result = await Promise.race([server.close().then(() => "closed" as const), timeout]);
    await queue.close().catch(() => {});
    if (result === "timeout") {
      // Updates not stored yet were sent to no one; the writers holding them re-send them when they reconnect.
      console.error(`collab-server: shutdown timed out after ${SHUTDOWN_TIMEOUT_MS} ms with updates unstored`);
      process.exit(1);
    }
    console.info(`collab-server: stopped (${server.metrics.updatesStored} updates stored this run)`);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  console.error("collab-server failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
