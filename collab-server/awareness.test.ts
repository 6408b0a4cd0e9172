import { AwarenessOwners, decodeAwarenessUpdate, encodeAwarenessEntries } from "./awareness";

const connection = (userId: string) => ({ grant: { userId } });

describe("awareness entries", () => {
  it("decode what they encode, and throw on a truncated update", () => {
    const entries = [
      { clientID: 7, clock: 3, state: { user: { name: "王五" } } },
      { clientID: 8, clock: 1, state: null },
    ];
    const update = encodeAwarenessEntries(entries);
    expect(decodeAwarenessUpdate(update)).toEqual(entries);
    expect(() => decodeAwarenessUpdate(update.slice(0, -2))).toThrow();
  });
});

describe("AwarenessOwners", () => {
  it("lets a connection own the clientIDs of its first update only, never another user's", () => {
    const owners = new AwarenessOwners<ReturnType<typeof connection>>();
    const a = connection("u-a");
    const b = connection("u-b");
    expect([...owners.claim(a, [])]).toEqual([]);
    expect([...owners.claim(a, [1])]).toEqual([1]);
    expect([...owners.claim(b, [1, 2])]).toEqual([2]);
    expect([...owners.claim(b, [1, 3])]).toEqual([2]);
    expect([...owners.claim(a, [1, 2, 3])]).toEqual([1]);
  });

  it("hands a clientID over to a newer connection of the same user", () => {
    const owners = new AwarenessOwners<ReturnType<typeof connection>>();
    const stale = connection("u-a");
    const fresh = connection("u-a");
    owners.claim(stale, [1]);
    expect([...owners.claim(fresh, [1])]).toEqual([1]);
    expect(owners.release(stale)).toEqual([]);
    expect(owners.release(fresh)).toEqual([1]);
    const other = connection("u-b");
    expect([...owners.claim(other, [1])]).toEqual([1]);
  });
});
