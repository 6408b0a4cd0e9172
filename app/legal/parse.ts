// parseLegalText: a Chinese legislative text → its clause tree (编/章/节/条/款/项/目, 序言, 目录, 附件).
//
// Layout is handled by normalizeLegalText (see normalize.ts); this module only decides structure. Lines are
// never dropped: a line that fits nowhere is kept under the last heading and reported as an `unplaced` warning.
import { normalizeLegalText } from "./normalize";
import { assignIdentity } from "./parse-identity";
import { classifyLines } from "./parse-lines";
import { TreeBuilder } from "./parse-tree";
import { articleBody } from "./render";
import type { LegalNode, ParsedDocument } from "./types";

/** Amendment instruments and books of a code may start their numbering anywhere. */
const LATE_START_TITLE = /修正案|决定|编$/u;

function fillArticleText(nodes: LegalNode[]): void {
  for (const n of nodes) {
    if (n.kind === "article") n.text = articleBody(n);
    else fillArticleText(n.children);
  }
}

/** Parses a legislative text (any layout the importer accepts) into a ParsedDocument. */
export function parseLegalText(text: string): ParsedDocument {
  const { lines } = normalizeLegalText(text);
  const titleLines = lines.filter((l) => l.role === "title").map((l) => l.text);
  const notes = lines.filter((l) => l.role === "note").map((l) => ({ text: l.text, line: l.line }));
  const body = classifyLines(lines.filter((l) => l.role === "body"));
  const hasArticles = body.some((l) => l.label.type === "article");
  const hasParts = body.some((l) => l.label.type === "heading" && (l.label.unit === "编" || l.label.unit === "分编"));
  const title = titleLines.join(" ");
  const { nodes, warnings } = new TreeBuilder(body, hasArticles, hasParts || LATE_START_TITLE.test(title)).build();
  fillArticleText(nodes);
  assignIdentity(nodes);
  warnings.sort((a, b) => a.line - b.line);
  return { title, titleLines, notes, nodes, warnings };
}
