import { createCompactionTrigger } from "./compaction";

describe("compaction trigger", () => {
  it("requests a compaction every N stored updates and when a changed document unloads", () => {
    const requested: string[] = [];
    const trigger = createCompactionTrigger((docName) => requested.push(docName), 10);
    trigger.onUpdateStored({ docName: "a", count: 6 });
    trigger.onUpdateStored({ docName: "b", count: 1 });
    expect(requested).toEqual([]);
    trigger.onUpdateStored({ docName: "a", count: 4 });
    expect(requested).toEqual(["a"]);
    trigger.onDocumentUnloaded({ docName: "a" });
    trigger.onDocumentUnloaded({ docName: "b" });
    trigger.onDocumentUnloaded({ docName: "never-changed" });
    expect(requested).toEqual(["a", "b"]);
  });
});
