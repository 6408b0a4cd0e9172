// The minutes' rich text as Tiptap's Collaboration (y-prosemirror) writes it, under the root XmlFragment `default`:
// XmlElement / XmlText children of the fragment and of elements, element attributes (ContentAny), and in each
// XmlText strings and formatting marks (ContentFormat). Used for `forum:<id>:minutes` and every document that is not
// a capture board.
import * as Y from "yjs";
import { RICH_TEXT_FIELD } from "../app/components/editor/collaboration";
import type { DocumentSchema } from "./update-policy";

type MinutesKind = "fragment" | "element" | "text";

function typeKind(type: Y.AbstractType<unknown>): MinutesKind | "elsewhere" {
  if (type.constructor === Y.XmlElement) return "element";
  if (type.constructor === Y.XmlText) return "text";
  return "elsewhere";
}

export const MINUTES_SCHEMA: DocumentSchema<MinutesKind> = {
  name: "minutes",
  rootKind: (key) => (key === RICH_TEXT_FIELD ? "fragment" : "elsewhere"),
  typeKind,
  allows(content, { parent, sub }) {
    if (content instanceof Y.ContentDeleted) return true;
    const isBlock = content instanceof Y.ContentType && typeKind(content.type) !== "elsewhere";
    switch (parent) {
      case "fragment":
        return sub === null && isBlock;
      case "element":
        return sub === null ? isBlock : content instanceof Y.ContentAny;
      case "text":
        return sub === null && (content instanceof Y.ContentString || content instanceof Y.ContentFormat);
      default:
        return false;
    }
  },
};
