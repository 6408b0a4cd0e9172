// Closing a forum freezes its collaborative documents: every collab-server process listens on this Redis channel and
// from then on treats the open connections of a frozen document as read-only (new ones get read tokens only).
import { getRedis, redisKey } from "./redis.server";
import { describeError } from "./log.server";

export const COLLAB_FROZEN_CHANNEL = () => redisKey("collab", "frozen");

/** Publishes each document name; resolves once Redis took them (a failure is logged, not thrown: the close stands). */
export async function announceFrozenDocuments(docNames: string[]): Promise<void> {
  const redis = getRedis();
  for (const docName of docNames) {
    try {
      await redis.publish(COLLAB_FROZEN_CHANNEL(), docName);
    } catch (error) {
      console.error(`collab freeze: could not announce ${JSON.stringify(docName)}: ${describeError(error)}`);
    }
  }
}
