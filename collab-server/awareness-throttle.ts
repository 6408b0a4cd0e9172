// How fast one connection's awareness reaches the others. Every state a connection publishes is relayed to every
// peer of the document, so a client sending thousands per second would have the server send thousands times the
// peers. Within the rate a state is relayed at once; beyond it, only the latest state of each client is held and
// relayed when the rate allows (carets lag, then land where they are); a connection going on far beyond the rate
// is flooding.
import type { AwarenessEntry } from "./awareness";
import type { CollabLimits } from "./limits";
import { TokenBucket } from "./rate-limit";

export type ThrottleOutcome = "relayed" | "held" | "flooding";

type ThrottleLimits = Pick<CollabLimits, "awarenessBurst" | "awarenessPerSecond" | "awarenessFloodPerSecond">;

const FLOOD_WINDOW_SECONDS = 5;

export class AwarenessThrottle {
  private readonly relayRate: TokenBucket;
  private readonly floodRate: TokenBucket;
  private readonly held = new Map<number, AwarenessEntry>();
  private timer: NodeJS.Timeout | undefined;

  constructor(limits: ThrottleLimits, private readonly relay: (entries: AwarenessEntry[]) => void) {
    this.relayRate = new TokenBucket(limits.awarenessBurst, limits.awarenessPerSecond);
    this.floodRate = new TokenBucket(limits.awarenessFloodPerSecond * FLOOD_WINDOW_SECONDS, limits.awarenessFloodPerSecond);
  }

  /** Relays `entries` now or later; "flooding" means they were dropped and the connection should go. */
  offer(entries: AwarenessEntry[]): ThrottleOutcome {
    if (!this.floodRate.take()) return "flooding";
    // Held entries go first, so that a client's states are relayed in the order it sent them.
    if (this.held.size === 0 && this.relayRate.take()) {
      this.relay(entries);
      return "relayed";
    }
    for (const entry of entries) {
      const previous = this.held.get(entry.clientID);
      if (!previous || previous.clock <= entry.clock) this.held.set(entry.clientID, entry);
    }
    this.schedule();
    return "held";
  }

  /** Drops what is held (the connection closed; its states are removed anyway). */
  dispose(): void {
    clearTimeout(this.timer);
    this.held.clear();
  }

  private schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.held.size === 0) return;
      if (!this.relayRate.take()) return this.schedule();
      const entries = [...this.held.values()];
      this.held.clear();
      this.relay(entries);
    }, this.relayRate.msUntilToken());
    this.timer.unref();
  }
}
