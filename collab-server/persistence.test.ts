import { createUpdateQueue } from "./persistence";

const u = (n: number) => ({ update: new Uint8Array([n]), userId: null });

describe("update queue", () => {
  it("stores in arrival order, one batch at a time", async () => {
    const stored: number[][] = [];
    let inFlight = 0;
    const queue = createUpdateQueue({
      store: async (batch) => {
        expect(++inFlight).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 5));
        stored.push(batch.map((e) => e.update[0]));
        inFlight--;
      },
      onStoreError: () => {},
    });
    queue.push(u(1));
    queue.push(u(2));
    await new Promise((resolve) => setTimeout(resolve, 1));
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
    await new Promise((resolve) => setTimeout(resolve, 50));
    queue.push(u(3));
    await queue.flush();
    expect(stored).toEqual([1, 2, 3]);
    expect(errors).toEqual([1, 2]);
  });
});
