import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { Awareness } from "y-protocols/awareness";
import type { CollabMode } from "../app/utils/collab-token.server";
import { encodeSyncStep2, handleMessage, MESSAGE_SYNC, type DocumentState, type Peer, type UpdateRefusal } from "./messages";
import { bodyOf, textOf } from "./test-helpers";

function peer(mode: CollabMode): Peer & { sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  return { grant: { userId: mode, userName: mode, docName: "d", mode, exp: 0 }, send: (m) => sent.push(m), sent };
}

/** A document that applies every update, or refuses them all with `refusal`. */
function stateOf(doc: Y.Doc, refusal: UpdateRefusal | null = null): DocumentState {
  return {
    doc,
    awareness: new Awareness(doc),
    applyUpdate(peer, update) {
      if (!refusal) Y.applyUpdate(doc, update, peer);
      return refusal;
    },
    applyAwarenessUpdate: () => null,
    answerSyncStep1: (peer, stateVector) => peer.send(encodeSyncStep2(doc, stateVector)),
  };
}

function updateMessage(text: string): Uint8Array {
  const client = new Y.Doc();
  bodyOf(client).insert(0, text);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(client));
  return encoding.toUint8Array(encoder);
}

describe("handleMessage", () => {
  it("applies updates from writers with the writer as origin", () => {
    const doc = new Y.Doc();
    const state = stateOf(doc);
    const writer = peer("write");
    const origins: unknown[] = [];
    doc.on("update", (_u: Uint8Array, origin: unknown) => origins.push(origin));
    expect(handleMessage(state, writer, updateMessage("修改意见"))).toBe("handled");
    expect(textOf(doc)).toBe("修改意见");
    expect(origins).toEqual([writer]);
    state.awareness.destroy();
  });

  it("reports an update the document refused", () => {
    const doc = new Y.Doc();
    const state = stateOf(doc, "over-quota");
    expect(handleMessage(state, peer("write"), updateMessage("超出上限"))).toBe("over-quota");
    expect(textOf(doc)).toBe("");
    state.awareness.destroy();
  });

  it("ignores updates from readers but answers their sync step 1", () => {
    const doc = new Y.Doc();
    bodyOf(doc).insert(0, "原文");
    const state = stateOf(doc);
    const reader = peer("read");
    expect(handleMessage(state, reader, updateMessage("篡改"))).toBe("ignored-read-only");
    expect(textOf(doc)).toBe("原文");

    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(step1, new Y.Doc());
    expect(handleMessage(state, reader, encoding.toUint8Array(step1))).toBe("handled");
    expect(reader.sent).toHaveLength(1);
    expect(reader.sent[0][1]).toBe(syncProtocol.messageYjsSyncStep2);
    state.awareness.destroy();
  });

  it("throws on a truncated message", () => {
    const doc = new Y.Doc();
    const state = stateOf(doc);
    expect(() => handleMessage(state, peer("write"), new Uint8Array([MESSAGE_SYNC, 2, 50, 1]))).toThrow();
    state.awareness.destroy();
  });
});
