// One pending compaction job per collaborative document: with the worker stopped, collab-server unloading the same
// documents again and again leaves one job each in Redis, and the worker, once back, runs them and frees their ids.
import crypto from "node:crypto";
import type Queue from "bull";
import { createTestDatabase, type TestDatabase } from "../../test/helpers/database";
import { startPlatform } from "../../test/helpers/platform";
import { createQueue } from "./queue.server";
import { compactionJobIds, requestCompaction } from "./compaction-requests.server";
import { forumMinutesDocName } from "../utils/collab-token.server";
import { bodyOf, eventually, SECRET, startCollabProcess, storedText, Testbed, tokenFor } from "../../collab-server/test-helpers";

let db: TestDatabase;
let queue: Queue.Queue;
const prefix = `lifa-test-compaction-${crypto.randomBytes(4).toString("hex")}`;
const testbed = new Testbed(() => db.prisma, () => db.url);

beforeAll(async () => {
  db = await createTestDatabase();
  queue = createQueue(process.env.REDIS_URL!, prefix);
});

afterEach(() => testbed.cleanup());

afterAll(async () => {
  await queue.obliterate({ force: true }).catch(() => {});
  await queue.close();
  await db.drop();
});

async function jobsIn(states: Queue.JobStatus[] = ["waiting", "active", "delayed", "completed", "failed", "paused"]) {
  return queue.getJobs(states);
}

describe("compaction requests", () => {
  it("keeps one waiting job per document however often collab-server asks, while the worker is down", async () => {
    const collab = await startCollabProcess(db.url, { QUEUE_PREFIX: prefix });
    const rooms = ["r1", "r2", "r3"].map(forumMinutesDocName);
    try {
      const metrics = async () =>
        (await (await fetch(`http://127.0.0.1:${collab.port}/metrics`, { headers: { Authorization: `Bearer ${SECRET}` } })).json()) as Record<string, number>;
      for (let cycle = 0; cycle < 8; cycle++) {
        for (const room of rooms) {
          const client = testbed.connect({ port: collab.port }, room, tokenFor(room, "write", "u-a"));
          await eventually(() => client.provider.synced);
          bodyOf(client.doc).insert(0, String(cycle));
          // Gone once its edit is stored: the document unloads, which asks for a compaction.
          await eventually(async () => (await storedText(db.prisma, room)).startsWith(String(cycle)));
          client.provider.destroy();
          testbed.forget(client.provider);
        }
        await eventually(async () => (await metrics()).documents === 0);
      }
      await eventually(async () => (await queue.getWaitingCount()) === rooms.length);
    } finally {
      // Stopped gracefully: every request it had begun is done.
      await collab.process.stop();
    }
    const jobs = await jobsIn();
    expect(jobs.map((job) => job.id).sort()).toEqual(rooms.map((room) => compactionJobIds(room)[0]).sort());
    expect(await requestCompaction(queue, rooms[0])).toBe("already-pending");

    // The worker comes back: it compacts each document once, and the ids are free again.
    const worker = await startPlatform(db.url, ["worker"], { QUEUE_PREFIX: prefix });
    try {
      await eventually(async () => (await jobsIn()).length === 0, 20_000);
      for (const room of rooms) {
        expect(await db.prisma.collabUpdate.count({ where: { docName: room } })).toBe(0);
        expect(await storedText(db.prisma, room)).toBe("76543210");
      }
    } finally {
      await worker.stop();
    }
    expect(await requestCompaction(queue, rooms[0])).toBe("queued");
    await queue.empty();
  });

  it("queues a second job when the pending one is already running, and no third", async () => {
    const room = forumMinutesDocName("running");
    const [first, second] = compactionJobIds(room);
    expect(await requestCompaction(queue, room)).toBe("queued");
    // A worker takes it (without finishing): it may have read the log before the updates behind the next request.
    const running = await queue.getNextJob();
    expect(running?.id).toBe(first);
    expect(await running!.getState()).toBe("active");
    expect(await requestCompaction(queue, room)).toBe("queued");
    expect(await requestCompaction(queue, room)).toBe("already-pending");
    expect((await jobsIn()).map((job) => job.id).sort()).toEqual([first, second].sort());
    // Finished: removed at once, so the next request takes the first id again.
    await running!.moveToCompleted("done", true, true);
    expect(await queue.getJob(first)).toBeNull();
    expect(await requestCompaction(queue, room)).toBe("already-pending");
    await queue.empty();
  });
});
