// Creates a draft version from its text: parses it and stores the clause tree. It takes a transaction client so
// that the version and its clauses are stored together or not at all.
import crypto from "node:crypto";
import type { TransactionClient } from "~/utils/transaction.server";
import { parseLegalText } from "~/legal/parse";
import { flattenClauses } from "~/legal/flatten";
import type { ParsedDocument } from "~/legal/types";

export interface ImportDraftVersionProps {
  draftId: string;
  versionNo: number;
  /** 征求意见稿, 二审稿 … */
  label: string;
  text: string;
  sourceFormat?: string;
  publishedAt?: Date;
}

/** Returns the parser's warnings too: callers decide whether a text with warnings may be published. */
export async function importDraftVersion(db: TransactionClient, props: ImportDraftVersionProps) {
  const parsed = parseLegalText(props.text);
  const version = await db.draftVersion.create({
    data: {
      draftId: props.draftId,
      versionNo: props.versionNo,
      label: props.label,
      sourceText: props.text,
      sourceFormat: props.sourceFormat ?? "txt",
      publishedAt: props.publishedAt,
    },
  });
  const clauseCount = await storeClauseTree(db, { draftVersionId: version.id, parsed });
  return { version, clauseCount, warnings: parsed.warnings };
}

/** Stores a parsed text as the Clause rows of a version that has none (yet, or any more). Returns the row count. */
export async function storeClauseTree(db: TransactionClient, { draftVersionId, parsed }: { draftVersionId: string; parsed: ParsedDocument }) {
  const flat = flattenClauses(parsed);
  const idByPath = new Map(flat.map((row) => [row.node.path, crypto.randomUUID()]));
  await db.clause.createMany({
    data: flat.map(({ node, parentPath, position }) => ({
      id: idByPath.get(node.path)!,
      draftVersionId,
      parentId: parentPath ? idByPath.get(parentPath)! : null,
      kind: node.kind,
      label: node.label,
      citation: node.citation,
      path: node.path,
      stableKey: node.id,
      text: node.text,
      position,
    })),
  });
  return flat.length;
}
