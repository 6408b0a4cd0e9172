// Asking the worker to compact a collaborative document, at most one pending job per document: collab-server asks on
// every unload and every thousand updates, so with the worker down requests would otherwise pile up in Redis (11 282
// were seen). A request is one Bull job with a stable id per document, removed once done so the id frees up. A job
// already running may have read the update log before the updates that prompted this request, so then a second
// slot is used; beyond one waiting and one running job, a request adds nothing.
import type Queue from "bull";
import { compactCollabDocument } from "./tasks/compact-collab-document";

export type CompactionRequest = "queued" | "already-pending";

const PENDING_STATES = new Set(["waiting", "delayed", "paused"]);

export function compactionJobIds(docName: string): [string, string] {
  const base = `${compactCollabDocument.name}:${docName}`;
  return [base, `${base}:again`];
}

export async function requestCompaction(queue: Queue.Queue, docName: string): Promise<CompactionRequest> {
  const slots = await Promise.all(
    compactionJobIds(docName).map(async (jobId) => {
      const job = await queue.getJob(jobId);
      return { jobId, job, state: job ? await job.getState() : null };
    }),
  );
  if (slots.some((slot) => slot.state !== null && PENDING_STATES.has(slot.state))) return "already-pending";
  const free = slots.find((slot) => slot.state !== "active");
  if (!free) return "already-pending";
  // Finished but still stored (kept by an older setting): make room for the new one.
  if (free.job) await free.job.remove().catch(() => {});
  // Adding an id that exists (another process was quicker) is a no-op in Bull.
  await queue.add(compactCollabDocument.name, { docName }, { ...compactCollabDocument.options, jobId: free.jobId, removeOnComplete: true, removeOnFail: true });
  return "queued";
}
