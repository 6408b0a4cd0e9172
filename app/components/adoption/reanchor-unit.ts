// Where a suggestion on the consulted version stands in the next one: its comment's anchor (or, for a comment on a
// whole clause, the whole clause) followed with the legal engine's reanchor. Pure, no I/O; the alignment of the two
// versions is computed once per pair by the caller.
import { alignVersions, type VersionAlignment } from "~/legal/align";
import { anchorText, createAnchor, reanchor, type Anchor, type ReanchorStatus } from "~/legal/anchor";
import type { LegalNode, ParsedDocument } from "~/legal/types";

export type UnitAnchorStatus = ReanchorStatus | "general";

export const REANCHOR_STATUS_LABELS: Record<UnitAnchorStatus, string> = {
  exact: "原文未变",
  moved: "已移动",
  fuzzy: "措辞微调",
  changed: "已改写",
  orphan: "已删除或无法对应",
  general: "总体意见",
};

export interface VersionPair {
  oldDoc: ParsedDocument;
  newDoc: ParsedDocument;
  alignment: VersionAlignment;
  /** Every node of each version by its id (the stableKey of its Clause row). */
  oldNodes: Map<string, LegalNode>;
  newNodes: Map<string, LegalNode>;
}

function indexNodes(doc: ParsedDocument): Map<string, LegalNode> {
  const byId = new Map<string, LegalNode>();
  const visit = (node: LegalNode) => {
    byId.set(node.id, node);
    node.children.forEach(visit);
  };
  doc.nodes.forEach(visit);
  return byId;
}

export function buildVersionPair(oldDoc: ParsedDocument, newDoc: ParsedDocument): VersionPair {
  return { oldDoc, newDoc, alignment: alignVersions(oldDoc, newDoc), oldNodes: indexNodes(oldDoc), newNodes: indexNodes(newDoc) };
}

/** A stored Comment.anchor when it has the shape the engine wrote; anything else reads as none. */
export function readAnchor(value: unknown): Anchor | null {
  const a = value as Partial<Anchor> | null;
  if (!a || typeof a !== "object" || typeof a.clauseId !== "string" || typeof a.start !== "number" || typeof a.end !== "number") return null;
  const q = a.quote as Partial<Anchor["quote"]> | undefined;
  if (!q || typeof q.exact !== "string" || typeof q.prefix !== "string" || typeof q.suffix !== "string" || q.exact === "") return null;
  return { clauseId: a.clauseId, quote: { exact: q.exact, prefix: q.prefix, suffix: q.suffix }, start: a.start, end: a.end };
}

export interface UnitPlacement {
  status: UnitAnchorStatus;
  /** The counterpart in the new version (LegalNode id = Clause.stableKey there); absent for orphans and 总体意见. */
  newNodeId?: string;
  /** The citation of that counterpart: 第十三条第二款. */
  newCitation?: string;
}

/** Places one suggestion: `stableKey` is its clause in the old version, `anchor` the quote its comment is about. */
export function placeSuggestion(pair: VersionPair, { stableKey, anchor }: { stableKey: string | null; anchor: unknown }): UnitPlacement {
  if (stableKey === null) return { status: "general" };
  let quoted = readAnchor(anchor);
  if (!quoted) {
    const node = pair.oldNodes.get(stableKey);
    const text = node ? anchorText(node) : "";
    if (!node || text === "") return { status: "orphan" };
    quoted = createAnchor(node, 0, text.length);
  }
  const result = reanchor(quoted, pair.oldDoc, pair.newDoc, pair.alignment);
  if (result.status === "orphan" || !result.clauseId) return { status: "orphan" };
  const counterpart = pair.newNodes.get(result.clauseId);
  return { status: result.status, newNodeId: result.clauseId, newCitation: counterpart?.citation || counterpart?.label };
}
