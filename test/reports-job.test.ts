// The compile job in the real worker process: live progress (percent and stage), the same SHA-256 twice, a worker
// killed mid-way whose job another worker takes up and completes, and a job that keeps failing marking its report
// failed with the reason.
import crypto from "node:crypto";
import type Queue from "bull";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { waitFor } from "./helpers/wait";
import { loadDemoData } from "../seeds/load-demo-data";
import { addReportFixture, type ReportFixture } from "./helpers/report-fixture";
import { startProcess, type ManagedProcess } from "../scripts/infra/processes";
import { createQueue } from "../app/jobs/queue.server";
import { startCompilingReport } from "../app/commands/compile-feedback-report.server";
import { compileFeedbackReport } from "../app/jobs/tasks/compile-feedback-report";
import { readCompileProgress } from "../app/reports/compile-progress.server";
import { reportSha256 } from "../app/reports/report-hash";
import { loadReportInput } from "../app/reports/report-input.server";
import { compileReport } from "../app/reports/compile";
import type { ReportDocument } from "../app/reports/report-document";

const prefix = `lifa-test-${crypto.randomBytes(4).toString("hex")}`;
let db: TestDatabase;
let queue: Queue.Queue;
let fixture: ReportFixture;
const workers: ManagedProcess[] = [];

/**
 * A worker process. All of them claim jobs for 2 s at a time (renewed while alive): a killed worker's job is free again
 * 2 s after it died. (The check for such jobs runs at most once per interval across the queue's workers, so they all
 * need the same setting, as in production.)
 */
function startWorker(env: Record<string, string>, logs: string[] = []): ManagedProcess {
  const settings = { NODE_ENV: "production" as const, DATABASE_URL: db.url, QUEUE_PREFIX: prefix, QUEUE_LOCK_DURATION_MS: "2000", ...env };
  const worker = startProcess("worker", { ...process.env, ...settings }, (line) => logs.push(line));
  workers.push(worker);
  return worker;
}

const report = (id: string) =>
  db.prisma.feedbackReport.findUniqueOrThrow({ where: { id }, select: { status: true, jobId: true, content: true, fileSha256: true, compiledAt: true, error: true, version: true } });

beforeAll(async () => {
  db = await createTestDatabase();
  // The command enqueues on the app's own queue, configured from the environment as in production.
  process.env.QUEUE_PREFIX = prefix;
  process.env.DATABASE_URL = db.url;
  queue = createQueue(process.env.REDIS_URL!, prefix);
  await loadDemoData(db.prisma);
  fixture = await addReportFixture(db.prisma);
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await queue?.obliterate({ force: true }).catch(() => {});
  await queue?.close();
  await db?.drop();
});

/** The SHA-256 of the fixture's report compiled in this process, for comparison with what the worker stored. */
async function expectedSha(): Promise<string> {
  const input = await loadReportInput(db.prisma, { consultationId: fixture.consultationId, reportVersion: 1 });
  return reportSha256(compileReport(input!, new Date()));
}

describe("the compile job", () => {
  it("reports its progress while it runs, stores the report, and gives the same SHA-256 when run again", async () => {
    const logs: string[] = [];
    const worker = startWorker({ REPORT_COMPILE_STAGE_DELAY_MS: "300" }, logs);
    try {
      const started = await startCompilingReport(db.prisma, { consultationId: fixture.consultationId, userId: fixture.staffId });
      expect(started).toMatchObject({ version: 1, alreadyRunning: false, jobId: `compile-feedback-report:${started.reportId}` });
      // Asking again while it runs starts nothing new.
      const again = await startCompilingReport(db.prisma, { consultationId: fixture.consultationId, userId: fixture.staffId });
      expect(again).toEqual({ ...started, alreadyRunning: true });

      const seen: Array<{ percent: number; stage: string }> = [];
      await waitFor(
        async () => {
          const row = await report(started.reportId);
          const progress = await readCompileProgress(row, queue);
          const last = seen[seen.length - 1];
          if (!last || last.stage !== progress.stage) seen.push({ percent: progress.percent, stage: progress.stage });
          return row.status === "compiled";
        },
        { timeoutMs: 30_000, what: "report v1 compiled" },
      );
      // The bar moved through the stages, forwards only.
      const stages = seen.map((s) => s.stage);
      expect(stages).toEqual(expect.arrayContaining(["loading", "grouping", "done"]));
      const percents = seen.map((s) => s.percent);
      expect([...percents].sort((a, b) => a - b)).toEqual(percents);

      const first = await report(started.reportId);
      expect(first.compiledAt).toBeInstanceOf(Date);
      expect(first.error).toBeNull();
      expect(first.fileSha256).toBe(reportSha256(first.content as object));
      expect(first.fileSha256).toBe(await expectedSha());

      const second = await startCompilingReport(db.prisma, { consultationId: fixture.consultationId, userId: fixture.staffId });
      expect(second.version).toBe(2);
      await waitFor(async () => (await report(second.reportId)).status === "compiled", { timeoutMs: 30_000, what: "report v2 compiled" });
      const secondRow = await report(second.reportId);
      expect(secondRow.fileSha256).toBe(first.fileSha256);
      expect((secondRow.content as unknown as ReportDocument).reportVersion).toBe(2);
      expect((secondRow.content as unknown as ReportDocument).generatedAt).not.toBe((first.content as unknown as ReportDocument).generatedAt);

      // A job delivered again for a compiled report leaves it alone.
      const redelivered = await queue.add(compileFeedbackReport.name, { reportId: started.reportId });
      expect(await redelivered.finished()).toEqual({ skipped: "compiled" });
      expect((await report(started.reportId)).compiledAt).toEqual(first.compiledAt);
    } finally {
      await worker.stop();
    }
  }, 90_000);

  it("is taken up again and completed when the worker running it is killed mid-way", async () => {
    const slow = startWorker({ REPORT_COMPILE_STAGE_DELAY_MS: "60000" });
    const started = await startCompilingReport(db.prisma, { consultationId: fixture.consultationId, userId: fixture.staffId });
    await waitFor(async () => (await readCompileProgress(await report(started.reportId), queue)).stage === "loading", { timeoutMs: 30_000, what: "job running" });
    slow.child.kill("SIGKILL");
    await slow.exited;
    expect((await report(started.reportId)).status).toBe("compiling");

    const logs: string[] = [];
    const rescuer = startWorker({}, logs);
    try {
      await waitFor(async () => (await report(started.reportId)).status === "compiled", { timeoutMs: 30_000, what: "killed job completed by another worker" });
      const row = await report(started.reportId);
      expect(row.fileSha256).toBe(await expectedSha());
      expect(logs.join("\n")).toContain(`report ${started.reportId}`);
    } finally {
      await rescuer.stop();
    }
  }, 90_000);

  it("marks the report failed, with the reason, once its attempts are used up", async () => {
    const failing = await db.prisma.feedbackReport.create({ data: { consultationId: fixture.consultationId, version: 99, status: "compiling", createdById: fixture.staffId } });
    // A real failure where the job writes the report: the database refuses that one row.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_report() RETURNS trigger AS $$
      BEGIN
        IF NEW.id = '${failing.id}' AND NEW.status = 'compiled' THEN RAISE EXCEPTION 'simulated storage failure'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_report BEFORE UPDATE ON "FeedbackReport" FOR EACH ROW EXECUTE FUNCTION refuse_report()`);
    const worker = startWorker({});
    try {
      const job = await queue.add(compileFeedbackReport.name, { reportId: failing.id }, { attempts: 2, backoff: { type: "fixed", delay: 100 } });
      await expect(job.finished()).rejects.toThrow(/simulated storage failure/);
      await waitFor(async () => (await report(failing.id)).status === "failed", { timeoutMs: 15_000, what: "report marked failed" });
      const row = await report(failing.id);
      expect(row.error).toMatch(/^汇总报告编制失败：.*simulated storage failure/);
      expect(row.content).toBeNull();
      expect((await queue.getJob(job.id))!.attemptsMade).toBe(2);
    } finally {
      await worker.stop();
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_report ON "FeedbackReport"`);
    }
  }, 60_000);
});
