// Connection caps per document, per user on one document and per user overall. A slot is reserved when the
// upgrade is accepted, before the WebSocket exists, and held until its socket closes: connections still loading
// their document count, and two upgrades racing cannot both take the last slot.
import type { CollabGrant } from "../app/utils/collab-token.server";
import type { CollabLimits } from "./limits";

export type CapReached = "document" | "user-document" | "user";

export type Reservation = { ok: true; release(): void } | { ok: false; cap: CapReached };

export interface ConnectionCaps {
  reserve(grant: Pick<CollabGrant, "userId" | "docName">): Reservation;
}

type CapLimits = Pick<CollabLimits, "maxConnectionsPerDocument" | "maxConnectionsPerUserDocument" | "maxConnectionsPerUser">;

function increment(counts: Map<string, number>, key: string, by: 1 | -1) {
  const count = (counts.get(key) ?? 0) + by;
  if (count === 0) counts.delete(key);
  else counts.set(key, count);
}

export function createConnectionCaps(limits: CapLimits): ConnectionCaps {
  const perDocument = new Map<string, number>();
  const perUserDocument = new Map<string, number>();
  const perUser = new Map<string, number>();

  return {
    reserve({ userId, docName }) {
      // JSON keeps the pair unambiguous whatever characters either part holds.
      const userDocument = JSON.stringify([userId, docName]);
      if ((perDocument.get(docName) ?? 0) >= limits.maxConnectionsPerDocument) return { ok: false, cap: "document" };
      if ((perUserDocument.get(userDocument) ?? 0) >= limits.maxConnectionsPerUserDocument) {
        return { ok: false, cap: "user-document" };
      }
      if ((perUser.get(userId) ?? 0) >= limits.maxConnectionsPerUser) return { ok: false, cap: "user" };
      increment(perDocument, docName, 1);
      increment(perUserDocument, userDocument, 1);
      increment(perUser, userId, 1);
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          increment(perDocument, docName, -1);
          increment(perUserDocument, userDocument, -1);
          increment(perUser, userId, -1);
        },
      };
    },
  };
}
