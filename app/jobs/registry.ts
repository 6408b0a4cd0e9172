// Every background task, registered in one place: the worker runs only what is listed here.
import type { Task } from "./task";
import { compactCollabDocument } from "./tasks/compact-collab-document";
import { compileFeedbackReport } from "./tasks/compile-feedback-report";

export const tasks = {
  [compactCollabDocument.name]: compactCollabDocument,
  [compileFeedbackReport.name]: compileFeedbackReport,
} as Record<string, Task<any>>;
