// Stored clauses (Clause rows) back into the legal engine's nodes, so anchors are made and checked exactly as the
// engine defines them, on the server and in the browser alike.
import { createAnchor, anchorText, type Anchor } from "./anchor";
import type { LegalNode, NodeKind } from "./types";

export interface StoredClause {
  id: string;
  parentId: string | null;
  kind: string;
  label: string;
  text: string;
  citation: string;
  path: string;
  stableKey: string;
}

/** Every stored clause as a LegalNode (id = stableKey) with its children, by the row's id. */
export function nodesFromRows(rows: StoredClause[]): Map<string, LegalNode> {
  const nodes = new Map<string, LegalNode>();
  for (const row of rows) {
    nodes.set(row.id, {
      kind: row.kind as NodeKind,
      label: row.label,
      text: row.text,
      path: row.path,
      citation: row.citation,
      id: row.stableKey,
      line: 0,
      children: [],
    });
  }
  for (const row of rows) {
    if (row.parentId) nodes.get(row.parentId)?.children.push(nodes.get(row.id)!);
  }
  return nodes;
}

/**
 * The anchor of a quote the user selected in a clause: the occurrence of `quote` in the clause's anchor text
 * nearest to `near` (where the browser saw it). Null when the clause does not contain the quote.
 */
export function anchorForQuote(node: LegalNode, quote: string, near = 0): Anchor | null {
  if (!quote) return null;
  const text = anchorText(node);
  let best = -1;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best < 0 ? null : createAnchor(node, best, best + quote.length);
}

export { anchorText };
