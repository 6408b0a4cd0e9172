// A forum's capture board (意见卡片), `forum:<id>:board`, as the forum workspace writes it
// (app/components/forum/board-doc.ts): root Y.Array `cards`; each element a Y.Map (a card) whose keys are
//   id, citation, createdBy, speakerUserId — a string;  createdAt — a finite number;
//   speaker, speakerOccupation, opinion, suggestedText, reason — a Y.Text holding plain strings (no formatting, no
//   embeds).
// Deleting a card deletes it from the array; deleting a key (speakerUserId) is a deletion too. Nothing else passes.
import * as Y from "yjs";
import type { DocumentSchema } from "./update-policy";

export const BOARD_ROOT = "cards";
const TEXT_KEYS = new Set(["speaker", "speakerOccupation", "opinion", "suggestedText", "reason"]);
const STRING_KEYS = new Set(["id", "citation", "createdBy", "speakerUserId"]);
const NUMBER_KEYS = new Set(["createdAt"]);

type BoardKind = "cards" | "card" | "text";

/** A Y.Map#set writes one ContentAny holding exactly the value. */
function singleValue(content: Y.Item["content"]): { ok: true; value: unknown } | { ok: false } {
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return { ok: false };
  return { ok: true, value: content.arr[0] };
}

function typeKind(type: Y.AbstractType<unknown>): BoardKind | "elsewhere" {
  if (type.constructor === Y.Map) return "card";
  if (type.constructor === Y.Text) return "text";
  return "elsewhere";
}

function allowsOnCard(content: Y.Item["content"], key: string): boolean {
  if (TEXT_KEYS.has(key)) return content instanceof Y.ContentType && typeKind(content.type) === "text";
  const single = singleValue(content);
  if (!single.ok) return false;
  if (STRING_KEYS.has(key)) return typeof single.value === "string";
  if (NUMBER_KEYS.has(key)) return typeof single.value === "number" && Number.isFinite(single.value);
  return false;
}

export const BOARD_SCHEMA: DocumentSchema<BoardKind> = {
  name: "board",
  rootKind: (key) => (key === BOARD_ROOT ? "cards" : "elsewhere"),
  typeKind,
  allows(content, { parent, sub }) {
    // A deleted range carries no data, wherever it sits.
    if (content instanceof Y.ContentDeleted) return true;
    switch (parent) {
      case "cards":
        return sub === null && content instanceof Y.ContentType && typeKind(content.type) === "card";
      case "card":
        return sub !== null && allowsOnCard(content, sub);
      case "text":
        return sub === null && content instanceof Y.ContentString;
      default:
        return false;
    }
  },
};
