import { createGroupCommit, type CommitEntry, type CommitSink } from "./group-commit";
import { eventually } from "./test-helpers";

interface Entry extends CommitEntry<Entry> {
  n: number;
}

function sink(name: string) {
  const told: number[][] = [];
  const s: CommitSink<Entry> & { told: number[][]; name: string } = { name, told, committed: (entries) => void told.push(entries.map((e) => e.n)) };
  return s;
}

const entry = (docSink: CommitSink<Entry> & { name: string }, n: number): Entry => ({
  docName: docSink.name,
  update: new Uint8Array([n]),
  userId: null,
  sink: docSink,
  n,
});

describe("group commit", () => {
  it("writes what gathered during the previous write in one batch across documents, in order, one write at a time", async () => {
    const batches: string[][] = [];
    let inFlight = 0;
    let release: (() => void) | null = null;
    const commit = createGroupCommit<Entry>({
      store: async (batch) => {
        expect(++inFlight).toBe(1);
        batches.push(batch.map((e) => `${e.docName}${e.n}`));
        await new Promise<void>((resolve) => (release = resolve));
        inFlight--;
      },
      onStoreError: () => {},
      maxInFlight: 1,
    });
    const a = sink("a");
    const b = sink("b");
    commit.push(entry(a, 1));
    await eventually(() => batches.length === 1);
    // Arrive while the first write is in flight: one batch, both documents.
    commit.push(entry(b, 2));
    commit.push(entry(a, 3));
    commit.push(entry(b, 4));
    expect(a.told).toEqual([]);
    release!();
    await eventually(() => batches.length === 2);
    // Told as soon as its own batch committed, while the next one is being written.
    expect(a.told).toEqual([[1]]);
    expect(b.told).toEqual([]);
    release!();
    await commit.flush();
    expect(batches).toEqual([["a1"], ["b2", "a3", "b4"]]);
    expect(a.told).toEqual([[1], [3]]);
    expect(b.told).toEqual([[2, 4]]);
  });

  it("retries a failed batch ahead of newer updates and tells no one before it is stored", async () => {
    const stored: number[] = [];
    const errors: number[] = [];
    let failures = 2;
    const commit = createGroupCommit<Entry>({
      store: async (batch) => {
        if (failures-- > 0) throw new Error("database unavailable");
        stored.push(...batch.map((e) => e.n));
      },
      onStoreError: (_error, attempt) => errors.push(attempt),
      maxInFlight: 1,
    });
    const a = sink("a");
    commit.push(entry(a, 1));
    commit.push(entry(a, 2));
    await eventually(() => errors.length === 1);
    commit.push(entry(a, 3));
    expect(a.told).toEqual([]);
    await commit.flush();
    expect(stored).toEqual([1, 2, 3]);
    expect(errors).toEqual([1, 2]);
    expect(a.told.flat()).toEqual([1, 2, 3]);
  });

  it("runs two writes at once and tells each document in arrival order whichever commit returns first", async () => {
    const releases: Array<() => void> = [];
    let inFlight = 0;
    let most = 0;
    const commit = createGroupCommit<Entry>({
      store: async () => {
        most = Math.max(most, ++inFlight);
        await new Promise<void>((resolve) => releases.push(resolve));
        inFlight--;
      },
      onStoreError: () => {},
      maxInFlight: 2,
    });
    const a = sink("a");
    commit.push(entry(a, 1));
    await eventually(() => releases.length === 1);
    commit.push(entry(a, 2));
    await eventually(() => releases.length === 2);
    commit.push(entry(a, 3));
    // The second write commits first: its connection takes the waiting update at once, but nothing is told until
    // the first write has committed too.
    releases[1]();
    await eventually(() => releases.length === 3);
    expect(a.told).toEqual([]);
    releases[0]();
    await eventually(() => a.told.length === 2);
    expect(a.told).toEqual([[1], [2]]);
    expect(most).toBe(2);
    releases[2]();
    await commit.flush();
    expect(a.told).toEqual([[1], [2], [3]]);
  });

  it("keeps batches within their bounds and tells the other documents when one sink throws", async () => {
    const sizes: number[] = [];
    const sinkErrors: unknown[] = [];
    const commit = createGroupCommit<Entry>({
      store: async (batch) => void sizes.push(batch.length),
      onStoreError: () => {},
      onSinkError: (error) => sinkErrors.push(error),
      maxEntries: 3,
    });
    const broken: CommitSink<Entry> & { name: string } = {
      name: "broken",
      committed: () => {
        throw new Error("boom");
      },
    };
    const a = sink("a");
    for (let n = 0; n < 7; n++) commit.push(entry(n % 2 ? broken : a, n));
    await commit.flush();
    expect(sizes).toEqual([3, 3, 1]);
    expect(a.told.flat()).toEqual([0, 2, 4, 6]);
    // Batches 0–2 and 3–5 hold entries of the broken document, the last one does not.
    expect(sinkErrors).toHaveLength(2);
  });
});
