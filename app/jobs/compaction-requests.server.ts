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
  for (const jobId of compactionJobIds(docName)) {
    const existing = await queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (PENDING_STATES.has(state)) return "already-pending";
      if (state === "active") continue;
      // Finished but still stored (kept by an older setting): make room for the new one.
      await existing.remove().catch(() => {});
    }
    // Adding an id that exists (another process was quicker) is a no-op in Bull.
    await queue.add(compactCollabDocument.name, { docName }, { ...compactCollabDocument.options, jobId, removeOnComplete: true, removeOnFail: true });
    return "queued";
  }
  return "already-pending";
}
