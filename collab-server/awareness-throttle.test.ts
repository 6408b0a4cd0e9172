import { AwarenessThrottle } from "./awareness-throttle";
import type { AwarenessEntry } from "./awareness";

const limits = { awarenessBurst: 3, awarenessPerSecond: 10, awarenessFloodPerSecond: 20 };
const entry = (clock: number, clientID = 1): AwarenessEntry => ({ clientID, clock, state: { clock } });

describe("AwarenessThrottle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("relays a burst at once, then only the latest state, when the rate allows", () => {
    const relayed: AwarenessEntry[][] = [];
    const throttle = new AwarenessThrottle(limits, (entries) => relayed.push(entries));
    const outcomes = [1, 2, 3, 4, 5, 6].map((clock) => throttle.offer([entry(clock)]));
    expect(outcomes).toEqual(["relayed", "relayed", "relayed", "held", "held", "held"]);
    expect(relayed).toHaveLength(3);
    vi.advanceTimersByTime(100);
    expect(relayed).toEqual([[entry(1)], [entry(2)], [entry(3)], [entry(6)]]);
    // Once something is held, newer states queue behind it, so that order is kept.
    vi.advanceTimersByTime(1_000);
    expect(throttle.offer([entry(7), entry(1, 2)])).toBe("relayed");
  });

  it("keeps the latest state of each client, and nothing once disposed", () => {
    const relayed: AwarenessEntry[][] = [];
    const throttle = new AwarenessThrottle({ ...limits, awarenessBurst: 1 }, (entries) => relayed.push(entries));
    throttle.offer([entry(1)]);
    throttle.offer([entry(3), entry(1, 2)]);
    throttle.offer([entry(2)]);
    vi.advanceTimersByTime(100);
    expect(relayed).toEqual([[entry(1)], [entry(3), entry(1, 2)]]);
    throttle.offer([entry(4)]);
    throttle.dispose();
    vi.advanceTimersByTime(1_000);
    expect(relayed).toHaveLength(2);
  });

  it("reports flooding once a connection goes on far beyond the rate", () => {
    const throttle = new AwarenessThrottle(limits, () => {});
    const outcomes = Array.from({ length: 5 * 20 + 1 }, (_, i) => throttle.offer([entry(i + 1)]));
    expect(outcomes.slice(0, 100)).not.toContain("flooding");
    expect(outcomes[100]).toBe("flooding");
    // A client sending steadily at the flood rate is never closed.
    const busy = new AwarenessThrottle(limits, () => {});
    for (let i = 1; i <= 600; i++) {
      expect(busy.offer([entry(i)])).not.toBe("flooding");
      vi.advanceTimersByTime(50);
    }
  });
});
