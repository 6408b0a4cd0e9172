// A Bull job round trip through the real worker process, and the enqueue-after-commit rule.
import crypto from "node:crypto";
import * as Y from "yjs";
import type Queue from "bull";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { startPlatform, type RunningPlatform } from "./helpers/platform";
import { createQueue, enqueue } from "../app/jobs/queue.server";
import { compactCollabDocument } from "../app/jobs/tasks/compact-collab-document";
import { appendUpdates, loadDocumentState } from "../app/models/collab-document.server";
import { transaction } from "../app/utils/transaction.server";

const prefix = `lifa-test-${crypto.randomBytes(4).toString("hex")}`;
let db: TestDatabase;
let worker: RunningPlatform;
let queue: Queue.Queue;

beforeAll(async () => {
  db = await createTestDatabase();
  // transaction() enqueues on the app's own queue, configured from the environment like in production.
  process.env.QUEUE_PREFIX = prefix;
  process.env.DATABASE_URL = db.url;
  queue = createQueue(process.env.REDIS_URL!, prefix);
  worker = await startPlatform(db.url, ["worker"], { QUEUE_PREFIX: prefix });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await queue?.obliterate({ force: true }).catch(() => {});
  await queue?.close();
  await db?.drop();
});

async function writeMinutes(docName: string, lines: string[]) {
  const doc = new Y.Doc();
  // Stored one after another, in order, as collab-server does; awaited rather than waited for.
  let stored = Promise.resolve();
  doc.on("update", (update: Uint8Array) => (stored = stored.then(() => appendUpdates(db.prisma, docName, [{ update }]))));
  for (const line of lines) doc.getText("t").insert(doc.getText("t").length, line);
  await stored;
  return doc.getText("t").toString();
}

async function runJob(docName: string) {
  const job = await queue.getJob(await enqueue(compactCollabDocument, { docName }, queue));
  return job!.finished() as Promise<{ folded: number }>;
}

async function textOf(docName: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadDocumentState(db.prisma, docName))!);
  return doc.getText("t").toString();
}

describe("worker", () => {
  it("runs a task from the queue and is safe to run twice", async () => {
    const docName = "forum:test:minutes";
    const text = await writeMinutes(docName, ["王代表：", "建议第十二条增加维护保养频次。", "陈联络：记录在案。"]);
    expect(await db.prisma.collabUpdate.count({ where: { docName } })).toBe(3);

    expect(await runJob(docName)).toEqual({ folded: 3 });
    expect(await db.prisma.collabUpdate.count({ where: { docName } })).toBe(0);
    expect(await textOf(docName)).toBe(text);

    expect(await runJob(docName)).toEqual({ folded: 0 });
    expect(await textOf(docName)).toBe(text);
    expect(worker.logs.join("\n")).toContain("worker ready");
  }, 30_000);

  it("retries a failing job with backoff", async () => {
    const job = await queue.add("no-such-task", {}, { attempts: 2, backoff: { type: "fixed", delay: 100 } });
    await expect(job.finished()).rejects.toThrow(/Unknown task "no-such-task"/);
    const reloaded = await queue.getJob(job.id);
    expect(reloaded!.attemptsMade).toBe(2);
  }, 30_000);
});

describe("transaction()", () => {
  it("enqueues after the commit, and nothing when the transaction rolls back", async () => {
    await queue.pause(false);
    try {
      const waitingBefore = await queue.getWaitingCount();
      await expect(
        transaction(db.prisma, async (tx, afterCommit) => {
          await tx.collabDocument.create({ data: { name: "rolled-back" } });
          afterCommit.enqueue(compactCollabDocument, { docName: "rolled-back" });
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await queue.getWaitingCount()).toBe(waitingBefore);
      expect(await db.prisma.collabDocument.count({ where: { name: "rolled-back" } })).toBe(0);

      await transaction(db.prisma, async (tx, afterCommit) => {
        await tx.collabDocument.create({ data: { name: "committed" } });
        afterCommit.enqueue(compactCollabDocument, { docName: "committed" });
      });
      expect(await queue.getWaitingCount()).toBe(waitingBefore + 1);
    } finally {
      await queue.resume(false);
    }
  }, 30_000);
});
