// Flattens a parsed tree into rows in reading order, each knowing its parent — the shape stored as Clause rows.
import type { LegalNode, ParsedDocument } from "./types";

export interface FlatClause {
  node: LegalNode;
  parentPath: string | null;
  position: number;
}

/** Layout-only parts (title, 目录) are not clauses: nobody comments on them. */
const NOT_CLAUSES = new Set(["document", "title", "toc"]);

export function flattenClauses(doc: ParsedDocument): FlatClause[] {
  const rows: FlatClause[] = [];
  const visit = (node: LegalNode, parentPath: string | null) => {
    if (NOT_CLAUSES.has(node.kind)) return;
    rows.push({ node, parentPath, position: rows.length });
    for (const child of node.children) visit(child, node.path);
  };
  for (const node of doc.nodes) visit(node, null);
  return rows;
}
