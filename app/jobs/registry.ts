// Every background task, registered in one place: the worker runs only what is listed here.
import type { Task } from "./task";
import { compactCollabDocument } from "./tasks/compact-collab-document";

export const tasks = {
  [compactCollabDocument.name]: compactCollabDocument,
} as Record<string, Task<any>>;
