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

export interface DocumentState {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Applies what of a peer's awareness update the peer may publish; throws on a malformed update. */
  applyAwarenessUpdate(peer: Peer, update: Uint8Array): void;
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
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

export type MessageOutcome = "handled" | "ignored-read-only" | "unknown-type";

/**
 * Handles one message from a peer: answers sync step 1 and awareness queries, applies step 2 / updates from
 * writers (origin = the peer, so the document's update handler can store and fan them out), and passes
 * awareness from everyone on to the document (carets and presence of readers are shown too). Throws on a
 * malformed message.
 */
export function handleMessage(state: DocumentState, peer: Peer, message: Uint8Array): MessageOutcome {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE_SYNC: {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.readSyncStep1(decoder, encoder, state.doc);
        peer.send(encoding.toUint8Array(encoder));
        return "handled";
      }
      if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
        return "unknown-type";
      }
      if (peer.grant.mode !== "write") return "ignored-read-only";
      Y.applyUpdate(state.doc, decoding.readVarUint8Array(decoder), peer);
      return "handled";
    }
    case MESSAGE_AWARENESS:
      state.applyAwarenessUpdate(peer, decoding.readVarUint8Array(decoder));
      return "handled";
    case MESSAGE_QUERY_AWARENESS:
      peer.send(encodeAwareness(state.awareness, Array.from(state.awareness.getStates().keys())));
      return "handled";
    default:
      return "unknown-type";
  }
}
