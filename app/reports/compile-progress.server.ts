// How far a report's compile job got, for the report page's progress bar: read from the Bull job the report row names.
import type Queue from "bull";
import { getQueue } from "~/jobs/queue.server";
import { COMPILE_STAGE_LABELS, type CompileStage } from "./compile-stages";

export interface CompileProgressView {
  percent: number;
  stage: CompileStage;
  label: string;
  /** Attempts that failed so far (the job is retried with backoff). */
  failedAttempts: number;
}

function isStage(value: unknown): value is CompileStage {
  return typeof value === "string" && Object.hasOwn(COMPILE_STAGE_LABELS, value);
}

export async function readCompileProgress(
  report: { status: string; jobId: string | null },
  queue: Queue.Queue = getQueue(),
): Promise<CompileProgressView> {
  if (report.status !== "compiling" && report.status !== "draft") {
    return { percent: 100, stage: "done", label: COMPILE_STAGE_LABELS.done, failedAttempts: 0 };
  }
  const job = report.jobId ? await queue.getJob(report.jobId).catch(() => null) : null;
  const raw = job?.progress() as { percent?: unknown; stage?: unknown } | number | undefined;
  const failedAttempts = job?.attemptsMade ?? 0;
  if (raw && typeof raw === "object" && typeof raw.percent === "number" && isStage(raw.stage)) {
    const percent = Math.max(0, Math.min(99, Math.round(raw.percent)));
    return { percent, stage: raw.stage, label: COMPILE_STAGE_LABELS[raw.stage], failedAttempts };
  }
  return { percent: 0, stage: "queued", label: COMPILE_STAGE_LABELS.queued, failedAttempts };
}
