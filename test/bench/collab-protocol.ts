// The y-websocket wire protocol as the collab benchmark's load generators speak it, without a WebsocketProvider:
// raw writers (a Y.Doc of their own whose updates go out as sync update messages, each inserting a marker that
// carries its send time) and raw passive clients (read every broadcast, apply nothing). Measuring readers are stock
// y-websocket clients; they find the markers in the updates their doc applies.
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import { WebSocket, type RawData } from "ws";
import { RICH_TEXT_FIELD } from "../../app/components/editor/collaboration";

const MESSAGE_SYNC = 0;

/** Wall-clock milliseconds with sub-millisecond resolution; comparable between processes of one machine. */
export function clock(): number {
  return performance.timeOrigin + performance.now();
}

/** What a writer types: `<writer.seq.sentAt×10>`, plain text, so it travels in the minutes like any keystroke. */
export function marker(writer: number, seq: number, sentAt: number): string {
  return `<${writer}.${seq}.${Math.round(sentAt * 10)}>`;
}

export interface Marker {
  writer: number;
  seq: number;
  sentAt: number;
}

const MARKER = /<(\d+)\.(\d+)\.(\d+)>/g;

export function markersIn(text: string): Marker[] {
  return [...text.matchAll(MARKER)].map((m) => ({ writer: Number(m[1]), seq: Number(m[2]), sentAt: Number(m[3]) / 10 }));
}

/** The markers an update inserts (it carries each inserted string whole, as one ContentString). */
export function markersInUpdate(update: Uint8Array): Marker[] {
  const found: Marker[] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) found.push(...markersIn(struct.content.str));
  }
  return found;
}

/** The minutes' plain text (paragraphs joined by newlines). */
export function minutesText(doc: Y.Doc): string {
  return doc
    .getXmlFragment(RICH_TEXT_FIELD)
    .toArray()
    .map((p) => (p instanceof Y.XmlElement ? p.toArray().map((t) => t.toString()).join("") : ""))
    .join("\n");
}

/** Appends a paragraph to the minutes as the editor does (XmlElement "paragraph" holding an XmlText). */
export function appendParagraph(doc: Y.Doc, initial = ""): Y.XmlText {
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  if (initial) text.insert(0, initial);
  paragraph.insert(0, [text]);
  const fragment = doc.getXmlFragment(RICH_TEXT_FIELD);
  fragment.insert(fragment.length, [paragraph]);
  return text;
}

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2 answering a step 1 with what `doc` has and the sender lacks. */
function answerStep1(decoder: decoding.Decoder, doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.readSyncStep1(decoder, encoder, doc);
  return encoding.toUint8Array(encoder);
}

function bytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** `${base}/${docName}` plus the token, as the stock client builds it. */
export function socketUrl(base: string, docName: string, token?: string): string {
  return `${base}/${docName}${token ? `?token=${token}` : ""}`;
}

/** Resolves once the socket is open; rejects with the HTTP status of a refused upgrade. */
function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once("error", reject);
  });
}

/**
 * A writer: syncs once (sync step 2 from the server), appends its own paragraph, then types into it. It ignores
 * what others broadcast afterwards: it only ever inserts at the end of its own text, whose items it alone writes,
 * so its updates stay valid against the server's document without applying anyone else's.
 */
export class RawWriter {
  readonly doc = new Y.Doc();
  readonly ws: WebSocket;
  private text: Y.XmlText | null = null;
  readonly ready: Promise<void>;
  closedUnexpectedly = false;

  constructor(url: string) {
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== this && this.ws.readyState === WebSocket.OPEN) this.ws.send(updateMessage(update));
    });
    let synced!: () => void;
    const syncedOnce = new Promise<void>((resolve) => (synced = resolve));
    this.ws.on("message", (data) => {
      const decoder = decoding.createDecoder(bytes(data));
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
      const type = decoding.readVarUint(decoder);
      if (type === syncProtocol.messageYjsSyncStep1) this.ws.send(answerStep1(decoder, this.doc));
      else if (type === syncProtocol.messageYjsSyncStep2 && !this.text) {
        Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), this);
        this.text = appendParagraph(this.doc);
        synced();
      }
    });
    this.ws.on("close", () => (this.closedUnexpectedly = true));
    this.ws.on("error", () => {});
    this.ready = opened(this.ws).then(() => {
      this.ws.send(syncStep1Message(this.doc));
      return syncedOnce;
    });
  }

  /** Types `content` at the end of the writer's paragraph: one update, sent at once. */
  type(content: string): void {
    this.text!.insert(this.text!.length, content);
  }

  close(): void {
    this.ws.removeAllListeners("close");
    this.ws.terminate();
  }
}

/** A client that only reads: answers the handshake with an empty state, counts what it receives, applies nothing. */
export class RawReader {
  readonly ws: WebSocket;
  readonly ready: Promise<void>;
  messages = 0;
  /** Set once the server's sync step 2 (the whole document) has arrived. */
  synced = false;
  closedUnexpectedly = false;
  private static readonly EMPTY = new Y.Doc();

  constructor(url: string, onSynced?: (reader: RawReader, state: Uint8Array) => void) {
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.on("message", (data) => {
      this.messages++;
      const decoder = decoding.createDecoder(bytes(data));
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
      const type = decoding.readVarUint(decoder);
      if (type === syncProtocol.messageYjsSyncStep1) this.ws.send(answerStep1(decoder, RawReader.EMPTY));
      else if (type === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true;
        onSynced?.(this, decoding.readVarUint8Array(decoder));
      }
    });
    this.ws.on("close", () => (this.closedUnexpectedly = true));
    this.ws.on("error", () => {});
    this.ready = opened(this.ws).then(() => this.ws.send(syncStep1Message(RawReader.EMPTY)));
  }

  /** Sends an update (e.g. a whole paragraph) as a writer would. */
  send(update: Uint8Array): void {
    this.ws.send(updateMessage(update));
  }

  /** Gracefully (a close frame, as a browser tab closing) or abruptly (the connection cut). */
  close(graceful = false): void {
    this.ws.removeAllListeners("close");
    if (graceful) this.ws.close(1000);
    else this.ws.terminate();
  }
}
