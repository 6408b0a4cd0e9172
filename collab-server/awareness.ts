// Awareness tied to the token: a connection publishes presence (carets, the list of who is here) only for the
// awareness clientIDs it announced first, and under the name its token carries (awareness-policy.ts). So no peer,
// read-only ones included, can show a caret as someone else, nor overwrite or clear another client's state with a
// higher clock.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** One entry of a y-protocols awareness update; `state` is null when the client left. */
export interface AwarenessEntry {
  clientID: number;
  clock: number;
  state: unknown;
}

/** Throws on a malformed update. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const entries: AwarenessEntry[] = [];
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientID = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientID, clock, state: JSON.parse(decoding.readVarString(decoder)) });
  }
  return entries;
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientID, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientID);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

/** An owner of awareness clientIDs: a connection (with the user of its token), or a user's connections elsewhere. */
export interface AwarenessOwner {
  readonly grant: { readonly userId: string };
  /** Set for the connections of one user on another collab-server process (relay.ts). */
  readonly remote?: true;
}

/**
 * Who owns which awareness clientIDs. A local owner is a connection; a remote owner stands for one user's connections
 * to another collab-server process, whose states arrive through Redis already checked there.
 */
export class AwarenessOwners<Owner extends AwarenessOwner> {
  private readonly ownerOf = new Map<number, Owner>();
  private readonly ownedBy = new Map<Owner, Set<number>>();

  /**
   * The clientIDs `owner` may publish. Its first non-empty update claims them, except those another user's
   * connection owns; later updates claim nothing (a stock client echoes the other clients' entries back).
   */
  claim(owner: Owner, clientIDs: number[]): ReadonlySet<number> {
    const known = this.ownedBy.get(owner);
    if (known || clientIDs.length === 0) return known ?? new Set();
    const owned = new Set<number>();
    for (const clientID of clientIDs) {
      const previous = this.ownerOf.get(clientID);
      if (previous && previous.grant.userId !== owner.grant.userId) continue;
      // The same user's client reconnected before its old socket was found dead: the new connection takes over.
      if (previous) this.ownedBy.get(previous)?.delete(clientID);
      this.ownerOf.set(clientID, owner);
      owned.add(clientID);
    }
    this.ownedBy.set(owner, owned);
    return owned;
  }

  /**
   * The clientIDs a remote owner may publish now (any update, not only its first: it speaks for several connections).
   * It never takes a clientID from a local connection (that connection is the live one: a remote state for it is a
   * late echo of an old socket), nor from another user.
   */
  adopt(owner: Owner, clientIDs: number[]): ReadonlySet<number> {
    let owned = this.ownedBy.get(owner);
    if (!owned) this.ownedBy.set(owner, (owned = new Set()));
    const allowed = new Set<number>();
    for (const clientID of clientIDs) {
      const previous = this.ownerOf.get(clientID);
      if (previous && previous !== owner) {
        if (!previous.remote || previous.grant.userId !== owner.grant.userId) continue;
        this.ownedBy.get(previous)?.delete(clientID);
      }
      this.ownerOf.set(clientID, owner);
      owned.add(clientID);
      allowed.add(clientID);
    }
    return allowed;
  }

  /** Lets go of clientIDs whose owner's state was removed (a remote client left). */
  releaseIds(owner: Owner, clientIDs: Iterable<number>): void {
    const owned = this.ownedBy.get(owner);
    for (const clientID of clientIDs) {
      if (this.ownerOf.get(clientID) !== owner) continue;
      this.ownerOf.delete(clientID);
      owned?.delete(clientID);
    }
  }

  /** The clientIDs `owner` owns now. */
  idsOf(owner: Owner): ReadonlySet<number> {
    return this.ownedBy.get(owner) ?? new Set();
  }

  /** Forgets `owner`; returns the clientIDs it owned, whose states are to be removed. */
  release(owner: Owner): number[] {
    const owned = [...(this.ownedBy.get(owner) ?? [])];
    this.ownedBy.delete(owner);
    for (const clientID of owned) this.ownerOf.delete(clientID);
    return owned;
  }
}
