// The 起草说明's rich text: a small subset of Tiptap's JSON (paragraphs, one heading level, lists, bold, line
// breaks). Whatever arrives from a browser is rebuilt from this subset before it is stored, so the renderer never
// meets a node, mark or attribute it does not know, and nothing is ever rendered as raw HTML.

export interface RichText {
  type: "text";
  text: string;
  marks?: Array<{ type: "bold" }>;
}
export interface RichHardBreak {
  type: "hardBreak";
}
export type RichInline = RichText | RichHardBreak;

export interface RichParagraph {
  type: "paragraph";
  content?: RichInline[];
}
export interface RichHeading {
  type: "heading";
  attrs: { level: typeof RICH_HEADING_LEVEL };
  content?: RichInline[];
}
export interface RichListItem {
  type: "listItem";
  content: RichBlock[];
}
export interface RichList {
  type: "bulletList" | "orderedList";
  content: RichListItem[];
}
export type RichBlock = RichParagraph | RichHeading | RichList;

export interface RichDoc {
  type: "doc";
  content: RichBlock[];
}

/** Headings inside the explanation sit below the page's own h2 (起草说明). */
export const RICH_HEADING_LEVEL = 3;
/** Characters of text an explanation may hold (a long 起草说明 runs to a few thousand). */
export const RICH_TEXT_MAX_CHARS = 20_000;
/** Lists nest; a crafted document must not nest deeper than anyone writes. */
const MAX_DEPTH = 6;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const childrenOf = (node: Json): unknown[] => (Array.isArray(node.content) ? node.content : []);

function inline(nodes: unknown[]): RichInline[] {
  const out: RichInline[] = [];
  for (const node of nodes) {
    if (!isObject(node)) continue;
    if (node.type === "hardBreak") out.push({ type: "hardBreak" });
    if (node.type !== "text" || typeof node.text !== "string" || node.text === "") continue;
    const bold = Array.isArray(node.marks) && node.marks.some((mark) => isObject(mark) && mark.type === "bold");
    out.push(bold ? { type: "text", text: node.text, marks: [{ type: "bold" }] } : { type: "text", text: node.text });
  }
  return out;
}

function withContent<T extends RichParagraph | RichHeading>(block: T, content: RichInline[]): T {
  return content.length ? { ...block, content } : block;
}

function blocks(nodes: unknown[], depth: number): RichBlock[] {
  if (depth > MAX_DEPTH) return [];
  const out: RichBlock[] = [];
  for (const node of nodes) {
    if (!isObject(node)) continue;
    switch (node.type) {
      case "paragraph":
        out.push(withContent({ type: "paragraph" }, inline(childrenOf(node))));
        break;
      case "heading":
        out.push(withContent({ type: "heading", attrs: { level: RICH_HEADING_LEVEL } }, inline(childrenOf(node))));
        break;
      case "bulletList":
      case "orderedList": {
        const items = childrenOf(node)
          .filter((item): item is Json => isObject(item) && item.type === "listItem")
          .map((item): RichListItem => ({ type: "listItem", content: blocks(childrenOf(item), depth + 1) }))
          .filter((item) => item.content.length > 0);
        if (items.length) out.push({ type: node.type, content: items });
        break;
      }
    }
  }
  return out;
}

/** The document rebuilt from the allowed subset; anything else (unknown nodes, marks, attributes) is dropped. */
export function sanitizeRichText(input: unknown): RichDoc {
  return { type: "doc", content: isObject(input) && input.type === "doc" ? blocks(childrenOf(input), 0) : [] };
}

/** Plain text (the form's fallback without JavaScript): one paragraph per line, blank lines dropped. */
export function richTextFromPlain(text: string): RichDoc {
  const lines = text.split(/\r?\n/u).map((line) => line.trim()).filter(Boolean);
  return { type: "doc", content: lines.map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] })) };
}

function plainLines(nodes: RichBlock[], out: string[]): string[] {
  for (const node of nodes) {
    if (node.type === "bulletList" || node.type === "orderedList") node.content.forEach((item) => plainLines(item.content, out));
    else out.push((node.content ?? []).map((part) => (part.type === "text" ? part.text : "\n")).join(""));
  }
  return out;
}

/** The text alone, one block a line: what the fallback textarea shows, and what size limits count. */
export function richTextToPlain(doc: RichDoc): string {
  return plainLines(doc.content, []).join("\n");
}

export function isEmptyRichText(doc: RichDoc): boolean {
  return richTextToPlain(doc).trim() === "";
}
