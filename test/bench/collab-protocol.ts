// The y-websocket wire protocol as the collab benchmark's load generators speak it, without a WebsocketProvider:
// raw writers (a Y.Doc of their own whose updates go out as sync update messages, each inserting a marker that
// carries its send time), raw readers (sync, then count what arrives) and sinks (passive clients on a bare TCP
// socket: they read every byte the server sends at next to no cost, so that hundreds of them never make the server
// buffer). Measuring readers are stock y-websocket clients; they find the markers in the updates their doc applies.
import crypto from "node:crypto";
import net from "node:net";
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

/** A masked client frame (FIN, `opcode`) with a small payload, as RFC 6455 requires clients to send. */
function clientFrame(opcode: number, payload: Uint8Array): Buffer {
  if (payload.length > 125) throw new Error("sink frames carry small payloads only");
  const mask = crypto.randomBytes(4);
  const frame = Buffer.alloc(6 + payload.length);
  frame[0] = 0x80 | opcode;
  frame[1] = 0x80 | payload.length;
  mask.copy(frame, 2);
  for (let i = 0; i < payload.length; i++) frame[6 + i] = payload[i] ^ mask[i % 4];
  return frame;
}

const OPCODE_BINARY = 0x2;
const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;
const OPCODE_PONG = 0xa;

/**
 * A passive client on a bare TCP socket: the WebSocket handshake, sync step 1 of an empty document (as a client
 * joining does), then it reads everything, counting messages by scanning frame headers and answering pings, never
 * decoding a payload. The server cannot tell it from a client that shows the document and says nothing.
 */
export class SinkClient {
  private readonly socket: net.Socket;
  readonly ready: Promise<void>;
  messages = 0;
  closedUnexpectedly = false;
  private open = false;
  private pending: Buffer = Buffer.alloc(0);
  /** Payload bytes of the current frame still to skip. */
  private skip = 0;

  constructor(url: string) {
    const target = new URL(url);
    this.socket = net.connect(Number(target.port), target.hostname);
    this.socket.setNoDelay(true);
    this.ready = new Promise((resolve, reject) => {
      this.socket.once("connect", () => {
        const key = crypto.randomBytes(16).toString("base64");
        this.socket.write(
          `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nConnection: Upgrade\r\n` +
            `Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${key}\r\n\r\n`,
        );
      });
      this.socket.on("data", (chunk: Buffer) => {
        if (this.open) return this.scan(chunk);
        this.pending = Buffer.concat([this.pending, chunk]);
        const end = this.pending.indexOf("\r\n\r\n");
        if (end < 0) return;
        const status = /^HTTP\/1\.1 (\d{3})/.exec(this.pending.subarray(0, end).toString("latin1"))?.[1];
        if (status !== "101") {
          this.socket.destroy();
          return reject(new Error(`upgrade refused: ${status ?? "no answer"}`));
        }
        this.open = true;
        const rest = this.pending.subarray(end + 4);
        this.pending = Buffer.alloc(0);
        this.socket.write(clientFrame(OPCODE_BINARY, syncStep1Message(new Y.Doc())));
        resolve();
        if (rest.length > 0) this.scan(rest);
      });
      this.socket.on("error", reject);
    });
    this.ready.catch(() => {});
    this.socket.on("close", () => (this.closedUnexpectedly = true));
  }

  /** Walks the frame headers in `chunk`, skipping payloads (a header cut by the chunk's end waits for the next). */
  private scan(chunk: Buffer) {
    let offset = 0;
    if (this.skip > 0) {
      const skipped = Math.min(this.skip, chunk.length);
      this.skip -= skipped;
      offset = skipped;
    }
    let data = chunk;
    if (this.pending.length > 0) {
      data = Buffer.concat([this.pending, chunk.subarray(offset)]);
      offset = 0;
      this.pending = Buffer.alloc(0);
    }
    while (offset < data.length) {
      if (data.length - offset < 2) break;
      const opcode = data[offset] & 0x0f;
      let length = data[offset + 1] & 0x7f;
      let header = 2;
      if (length === 126) {
        if (data.length - offset < 4) break;
        length = data.readUInt16BE(offset + 2);
        header = 4;
      } else if (length === 127) {
        if (data.length - offset < 10) break;
        length = Number(data.readBigUInt64BE(offset + 2));
        header = 10;
      }
      if (opcode === OPCODE_PING || opcode === OPCODE_CLOSE) {
        // Control frames are small: wait until the whole frame is here to answer it.
        if (data.length - offset < header + length) break;
        const payload = data.subarray(offset + header, offset + header + length);
        if (opcode === OPCODE_PING) this.socket.write(clientFrame(OPCODE_PONG, payload));
        else this.socket.end(clientFrame(OPCODE_CLOSE, payload.subarray(0, 2)));
        offset += header + length;
        continue;
      }
      // A data frame (continuations count with their first frame; servers here send messages whole).
      if (opcode !== 0) this.messages++;
      const available = data.length - offset - header;
      if (available < length) {
        this.skip = length - available;
        return;
      }
      offset += header + length;
    }
    if (offset < data.length) this.pending = Buffer.from(data.subarray(offset));
  }

  close(): void {
    this.socket.removeAllListeners("close");
    this.socket.destroy();
  }
}
