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

/** Amendment instruments: their articles may announce new text of another document, unquoted. */
const AMENDMENT_TITLE = /修正案|决定/u;
/** Books of a code (民法典·合同编) start their numbering where the previous book ended. */
const BOOK_TITLE = /编$/u;

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
  const hasArticles = body.some((l) => l.label.type === "article" && !l.label.tight);
  const hasParts = body.some((l) => l.label.type === "heading" && (l.label.unit === "编" || l.label.unit === "分编"));
  const title = titleLines.join(" ");
  const amendment = AMENDMENT_TITLE.test(title);
  const allowLateStart = amendment || hasParts || BOOK_TITLE.test(title);
  const { nodes, warnings, outOfSequence } = new TreeBuilder(body, { hasArticles, allowLateStart, amendment }).build();
  fillArticleText(nodes);
  assignIdentity(nodes, outOfSequence);
  warnings.sort((a, b) => a.line - b.line);
  return { title, titleLines, notes, nodes, warnings };
}
