// The Tiptap schema shared by every collaborative editor (forum minutes now; comment drafts later).
import StarterKit from "@tiptap/starter-kit";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";

export interface CollaboratorIdentity {
  name: string;
  color: string;
}

/** The Y.XmlFragment inside a document that holds the rich text. */
export const RICH_TEXT_FIELD = "default";

export function collaborativeExtensions(doc: Y.Doc, provider: WebsocketProvider, user: CollaboratorIdentity, placeholder = "") {
  return [
    // Yjs brings its own undo history; StarterKit's would fight it.
    StarterKit.configure({ undoRedo: false }),
    Collaboration.configure({ document: doc, field: RICH_TEXT_FIELD }),
    CollaborationCaret.configure({ provider, user }),
    Placeholder.configure({ placeholder }),
  ];
}

const PALETTE = ["#c2410c", "#1d4ed8", "#047857", "#7c3aed", "#be185d", "#0e7490", "#a16207", "#4d7c0f"];

/** A stable caret colour per user. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}
