// The Tiptap schema shared by every collaborative editor (forum minutes now; comment drafts later).
import StarterKit from "@tiptap/starter-kit";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { RICH_TEXT_FIELD, safeCollaborator, type CollaboratorIdentity } from "./collaboration";

export { colorFor, RICH_TEXT_FIELD, type CollaboratorIdentity } from "./collaboration";

/**
 * A peer's caret. Its colour comes from another user's browser: it goes into the style only once validated, so a
 * crafted `url(…)` can never make this browser fetch anything.
 */
export function renderCaret(user: Record<string, unknown>, document: Document = globalThis.document): HTMLElement {
  const { name, color } = safeCollaborator(user);
  const caret = document.createElement("span");
  caret.classList.add("collaboration-carets__caret");
  caret.style.borderColor = color;
  const label = document.createElement("div");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = color;
  label.appendChild(document.createTextNode(name));
  caret.appendChild(label);
  return caret;
}

/** A peer's selection, in its colour made translucent. */
export function renderSelection(user: Record<string, unknown>): { class: string; style: string } {
  return { class: "ProseMirror-yjs-selection", style: `background-color: ${safeCollaborator(user).color}70` };
}

export function collaborativeExtensions(doc: Y.Doc, provider: WebsocketProvider, user: CollaboratorIdentity, placeholder = "") {
  return [
    // Yjs brings its own undo history; StarterKit's would fight it.
    StarterKit.configure({ undoRedo: false }),
    Collaboration.configure({ document: doc, field: RICH_TEXT_FIELD }),
    CollaborationCaret.configure({ provider, user, render: (peer) => renderCaret(peer), selectionRender: renderSelection }),
    // Shown to read-only viewers too: an empty minutes page should say so rather than show a blank box.
    Placeholder.configure({ placeholder, showOnlyWhenEditable: false }),
  ];
}
