// The forum minutes as the Tiptap editor stores them in Yjs (y-prosemirror: an XmlFragment of XmlElements named
// after the node types, text in XmlText with marks as attributes), read into plain blocks for export. Pure.
import * as Y from "yjs";
import { RICH_TEXT_FIELD } from "~/components/editor/collaboration";

export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface MinutesBlock {
  kind: "heading" | "paragraph" | "bullet" | "ordered" | "quote";
  runs: TextRun[];
  /** List nesting (0 = top level) or heading level (1–6). */
  level: number;
  /** The number of an ordered list item (1-based). */
  number?: number;
}

function runsOf(element: Y.XmlElement | Y.XmlFragment): TextRun[] {
  const runs: TextRun[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
        if (typeof op.insert !== "string") continue;
        runs.push({ text: op.insert, ...(op.attributes?.bold ? { bold: true } : {}), ...(op.attributes?.italic ? { italic: true } : {}) });
      }
    } else if (child instanceof Y.XmlElement && child.nodeName === "hardBreak") {
      runs.push({ text: "\n" });
    } else if (child instanceof Y.XmlElement) {
      runs.push(...runsOf(child));
    }
  }
  return runs;
}

function walk(parent: Y.XmlElement | Y.XmlFragment, blocks: MinutesBlock[], list: { kind: "bullet" | "ordered"; level: number } | null, quote: boolean) {
  let number = 0;
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    switch (child.nodeName) {
      case "heading": {
        const level = Number(child.getAttribute("level" as never)) || 2;
        blocks.push({ kind: "heading", runs: runsOf(child), level: Math.min(Math.max(level, 1), 6) });
        break;
      }
      case "listItem": {
        number++;
        // The item's first paragraph carries the bullet; further paragraphs and nested lists follow it.
        const [first, ...rest] = child.toArray();
        if (first instanceof Y.XmlElement && first.nodeName === "paragraph") {
          blocks.push({ kind: list?.kind ?? "bullet", runs: runsOf(first), level: list?.level ?? 0, ...(list?.kind === "ordered" ? { number } : {}) });
        }
        const others = first instanceof Y.XmlElement && first.nodeName === "paragraph" ? rest : [first, ...rest];
        for (const more of others) if (more instanceof Y.XmlElement) walkOne(more, blocks, list, quote);
        break;
      }
      case "blockquote":
        walk(child, blocks, list, true);
        break;
      default:
        walkOne(child, blocks, list, quote);
    }
  }
}

function walkOne(element: Y.XmlElement, blocks: MinutesBlock[], list: { kind: "bullet" | "ordered"; level: number } | null, quote: boolean) {
  if (element.nodeName === "bulletList" || element.nodeName === "orderedList") {
    walk(element, blocks, { kind: element.nodeName === "bulletList" ? "bullet" : "ordered", level: list ? list.level + 1 : 0 }, quote);
  } else if (element.nodeName === "horizontalRule") {
    return;
  } else {
    blocks.push({ kind: quote ? "quote" : "paragraph", runs: runsOf(element), level: list ? list.level + 1 : 0 });
  }
}

/** The minutes of a stored document state, block by block; none when nothing was stored. */
export function minutesBlocks(state: Uint8Array | null): MinutesBlock[] {
  if (!state) return [];
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const blocks: MinutesBlock[] = [];
    walk(doc.getXmlFragment(RICH_TEXT_FIELD), blocks, null, false);
    // Empty paragraphs at the end are where the cursor was left, not content.
    while (blocks.length && blocks[blocks.length - 1].runs.every((r) => !r.text.trim())) blocks.pop();
    return blocks;
  } finally {
    doc.destroy();
  }
}
