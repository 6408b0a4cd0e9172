// What the editor and collab-server agree on, free of browser code so that collab-server can import it: where the
// rich text lives in the Y.Doc, and which collaborator colours are safe to put into a style.

/** The Y.XmlFragment inside a document that holds the rich text. */
export const RICH_TEXT_FIELD = "default";

export interface CollaboratorIdentity {
  name: string;
  color: string;
}

const PALETTE = ["#c2410c", "#1d4ed8", "#047857", "#7c3aed", "#be185d", "#0e7490", "#a16207", "#4d7c0f"];

/** A stable caret colour per user. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

/** Only `#rrggbb`: anything else (`url(…)`, `expression(…)`, `red;background:…`) could load or inject styles. */
export function isCollaboratorColor(value: unknown): value is string {
  return typeof value === "string" && /^#[0-9a-fA-F]{6}$/.test(value);
}

/**
 * A peer's identity as awareness delivers it (any shape, any colour), made safe to render: a string name and a
 * valid colour, else one derived from the name.
 */
export function safeCollaborator(user: unknown): CollaboratorIdentity {
  const fields = typeof user === "object" && user !== null ? (user as Record<string, unknown>) : {};
  const name = typeof fields.name === "string" ? fields.name : "";
  return { name, color: isCollaboratorColor(fields.color) ? fields.color : colorFor(name) };
}

/**
 * Codes collab-server closes a connection with for good. The stock y-websocket client stops reconnecting on
 * 4400–4499 (emitting `closed`): its doc keeps the refused change and would re-send it on every reconnection.
 */
export const PERMANENT_CLOSE_CODES = {
  documentTooLarge: 4413,
  contentNotAllowed: 4422,
  tooManyMessages: 4429,
} as const;
