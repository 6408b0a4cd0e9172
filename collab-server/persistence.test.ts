import { createUpdateQueue } from "./persistence";
import { eventually } from "./test-helpers";

const u = (n: number) => ({ update: new Uint8Array([n]), userId: null });

describe("update queue", () => {
  it("stores in arrival order, one batch at a time", async () => {
    const stored: number[][] = [];
    let inFlight = 0;
    let calls = 0;
    const queue = createUpdateQueue({
      store: async (batch) => {
        calls++;
        expect(++inFlight).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 5));
        stored.push(batch.map((e) => e.update[0]));
        inFlight--;
      },
      onStoreError: () => {},
    });
    queue.push(u(1));
    queue.push(u(2));
    // Pushed while the first batch is being written: it waits for the next one.
    await eventually(() => calls === 1);
    queue.push(u(3));
    await queue.flush();
    queue.push(u(4));
    await queue.flush();
    expect(stored.flat()).toEqual([1, 2, 3, 4]);
    expect(stored.length).toBeGreaterThan(1);
  });

  it("retries a failed batch ahead of newer updates", async () => {
    const stored: number[] = [];
    const errors: number[] = [];
    let failures = 2;
    const queue = createUpdateQueue({
      store: async (batch) => {
        if (failures-- > 0) throw new Error("database unavailable");
        stored.push(...batch.map((e) => e.update[0]));
      },
      onStoreError: (_error, attempt) => errors.push(attempt),
    });
    queue.push(u(1));
    queue.push(u(2));
    // Pushed while the failed batch waits for its retry.
    await eventually(() => errors.length === 1);
    queue.push(u(3));
    await queue.flush();
    expect(stored).toEqual([1, 2, 3]);
    expect(errors).toEqual([1, 2]);
  });
});
