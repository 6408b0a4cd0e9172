// When to fold a document's update log into its snapshot (the worker's compact-collab-document task):
// once its last client has left, and every `everyUpdates` stored updates during long sessions.
export interface CompactionTrigger {
  onUpdateStored(event: { docName: string; count: number }): void;
  onDocumentUnloaded(event: { docName: string }): void;
}

export function createCompactionTrigger(request: (docName: string) => void, everyUpdates = 1_000): CompactionTrigger {
  const storedSinceRequest = new Map<string, number>();
  return {
    onUpdateStored({ docName, count }) {
      const stored = (storedSinceRequest.get(docName) ?? 0) + count;
      if (stored < everyUpdates) return void storedSinceRequest.set(docName, stored);
      storedSinceRequest.set(docName, 0);
      request(docName);
    },
    onDocumentUnloaded({ docName }) {
      const stored = storedSinceRequest.get(docName);
      storedSinceRequest.delete(docName);
      if (stored) request(docName);
    },
  };
}
