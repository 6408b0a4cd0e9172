// The capture board (意见卡片) as a Yjs document, `forum:<id>:board`: the schema collab-server's board policy
// accepts, read and written here only. Root Y.Array `cards`; each card a Y.Map with `id`, `citation` ("" = 总体意见),
// `speakerUserId` (a deputy's user id, absent for anyone else), `createdBy`, `createdAt` as plain values, and the
// text fields as Y.Text (plain strings). Free of browser and server code: the page, closing and the .docx use it.
import * as Y from "yjs";

export const BOARD_CARDS = "cards";

/** The card fields several people type into at once. */
export const CARD_TEXT_FIELDS = ["speaker", "speakerOccupation", "opinion", "suggestedText", "reason"] as const;
export type CardTextField = (typeof CARD_TEXT_FIELDS)[number];

export interface BoardCard {
  id: string;
  citation: string;
  speaker: string;
  speakerUserId: string | null;
  speakerOccupation: string;
  opinion: string;
  suggestedText: string;
  reason: string;
  createdBy: string;
  createdAt: number;
}

export type CardMap = Y.Map<unknown>;

export function boardCards(doc: Y.Doc): Y.Array<CardMap> {
  return doc.getArray<CardMap>(BOARD_CARDS);
}

/** A card's text field, tolerant of what another client may have written (anything not a Y.Text reads as ""). */
export function cardText(card: CardMap, field: CardTextField): Y.Text | null {
  const value = card.get(field);
  return value instanceof Y.Text ? value : null;
}

function plain(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === "string" ? value : "";
}

export function readCard(card: CardMap): BoardCard {
  const userId = card.get("speakerUserId");
  const createdAt = card.get("createdAt");
  return {
    id: plain(card.get("id")),
    citation: plain(card.get("citation")),
    speaker: plain(card.get("speaker")),
    speakerUserId: typeof userId === "string" && userId !== "" ? userId : null,
    speakerOccupation: plain(card.get("speakerOccupation")),
    opinion: plain(card.get("opinion")),
    suggestedText: plain(card.get("suggestedText")),
    reason: plain(card.get("reason")),
    createdBy: plain(card.get("createdBy")),
    createdAt: typeof createdAt === "number" && Number.isFinite(createdAt) ? createdAt : 0,
  };
}

/** Every card, in board order (elements that are not maps are skipped). */
export function readBoard(doc: Y.Doc): BoardCard[] {
  return boardCards(doc)
    .toArray()
    .filter((card): card is CardMap => card instanceof Y.Map)
    .map(readCard);
}

/** The board of a stored document state (a Yjs update), or no cards when none was stored. */
export function readBoardState(state: Uint8Array | null): BoardCard[] {
  if (!state) return [];
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readBoard(doc);
  } finally {
    doc.destroy();
  }
}

/** A random card id; works on plain-http LAN pages too (crypto.randomUUID needs a secure context). */
export function newCardId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export interface NewCard {
  id?: string;
  citation?: string;
  createdBy: string;
  createdAt?: number;
}

/** Appends a card with empty text fields; returns its id. */
export function addCard(doc: Y.Doc, { id = newCardId(), citation = "", createdBy, createdAt = Date.now() }: NewCard): string {
  const card: CardMap = new Y.Map();
  card.set("id", id);
  card.set("citation", citation);
  card.set("createdBy", createdBy);
  card.set("createdAt", createdAt);
  for (const field of CARD_TEXT_FIELDS) card.set(field, new Y.Text());
  boardCards(doc).push([card]);
  return id;
}

export function findCard(doc: Y.Doc, id: string): { card: CardMap; index: number } | null {
  const cards = boardCards(doc);
  for (let index = 0; index < cards.length; index++) {
    const card = cards.get(index);
    if (card instanceof Y.Map && card.get("id") === id) return { card, index };
  }
  return null;
}

/** Removes a card (by the map itself: ids come from browsers and might repeat). */
export function removeCard(doc: Y.Doc, card: CardMap): void {
  const index = boardCards(doc).toArray().indexOf(card);
  if (index >= 0) boardCards(doc).delete(index, 1);
}

/** Replaces a Y.Text's whole content (a picked name replaces what was typed). */
export function replaceText(text: Y.Text, value: string): void {
  if (text.toString() === value) return;
  text.doc!.transact(() => {
    text.delete(0, text.length);
    text.insert(0, value);
  });
}

/** The speaker picked from the attendees (a deputy carries their user id) or typed by hand (no user id). */
export function setSpeaker(card: CardMap, speaker: { name: string; userId: string | null; occupation?: string | null }): void {
  const doc = card.doc!;
  doc.transact(() => {
    const name = cardText(card, "speaker");
    const occupation = cardText(card, "speakerOccupation");
    if (name) replaceText(name, speaker.name);
    if (occupation && speaker.occupation != null) replaceText(occupation, speaker.occupation);
    if (speaker.userId) card.set("speakerUserId", speaker.userId);
    else if (card.has("speakerUserId")) card.delete("speakerUserId");
  });
}

/** Typing in the speaker field makes the speaker someone named by hand: no longer a deputy's account. */
export function forgetSpeakerAccount(card: CardMap): void {
  if (card.has("speakerUserId")) card.delete("speakerUserId");
}

export function setCitation(card: CardMap, citation: string): void {
  if (card.get("citation") !== citation) card.set("citation", citation);
}
