// The y-websocket wire protocol: message types 0 (sync) and 1 (awareness) in both directions, 3 (query awareness)
// from clients. Sync sub-messages are dispatched here rather than through y-protocols' readSyncMessage, because
// that applies every step 2 / update it reads and read-only clients must not change the document.
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import * as awarenessProtocol from "y-protocols/awareness";
import type { CollabGrant } from "../app/utils/collab-token.server";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/** One client of a shared document, as the protocol sees it; also the origin of the changes it makes. */
export interface Peer {
  readonly grant: CollabGrant;
  send(message: Uint8Array): void;
}

/** Why a writer's update was not applied (update-policy.ts, the document quota). */
export type UpdateRefusal = "not-allowed" | "unresolvable" | "over-quota";

export interface DocumentState {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /**
   * Applies a writer's update (origin = the peer), or refuses it unapplied; "ignored-frozen" when the document was
   * frozen (its forum closed): dropped, the connection stays open read-only. Throws on a malformed update.
   */
  applyUpdate(peer: Peer, update: Uint8Array): UpdateRefusal | "ignored-frozen" | null;
  /**
   * Answers a peer's sync step 1 (its state vector) with step 2: what the document holds beyond it, sent once all of
   * that is stored (a joining peer must never receive an update a crash can lose).
   */
  answerSyncStep1(peer: Peer, stateVector: Uint8Array): void;
  /**
   * Relays what of a peer's awareness update the peer may publish, at the rate it may; "flooding" when the peer
   * goes on far beyond that rate. Throws on a malformed update.
   */
  applyAwarenessUpdate(peer: Peer, update: Uint8Array): "flooding" | null;
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2: what `doc` holds beyond `stateVector` (the peer's). */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

export type MessageOutcome = "handled" | "ignored-read-only" | "ignored-frozen" | "unknown-type" | "flooding" | UpdateRefusal;

/**
 * Handles one message from a peer: answers sync step 1 and awareness queries, passes step 2 / updates from
 * writers to the document (which checks them, applies them with the peer as origin, and so stores and fans them
 * out), and passes awareness from everyone on to the document (carets and presence of readers are shown too).
 * Throws on a malformed message.
 */
export function handleMessage(state: DocumentState, peer: Peer, message: Uint8Array): MessageOutcome {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE_SYNC: {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        state.answerSyncStep1(peer, decoding.readVarUint8Array(decoder));
        return "handled";
      }
      if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
        return "unknown-type";
      }
      if (peer.grant.mode !== "write") return "ignored-read-only";
      return state.applyUpdate(peer, decoding.readVarUint8Array(decoder)) ?? "handled";
    }
    case MESSAGE_AWARENESS:
      return state.applyAwarenessUpdate(peer, decoding.readVarUint8Array(decoder)) ?? "handled";
    case MESSAGE_QUERY_AWARENESS:
      peer.send(encodeAwareness(state.awareness, Array.from(state.awareness.getStates().keys())));
      return "handled";
    default:
      return "unknown-type";
  }
}
