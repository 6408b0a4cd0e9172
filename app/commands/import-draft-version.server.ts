// Creates a draft version from its text: parses it and stores the clause tree, all in one transaction.
import crypto from "node:crypto";
import type { PrismaClient } from "~/utils/db.server";
import { parseLegalText } from "~/legal/parse";
import { flattenClauses } from "~/legal/flatten";

type Db = Pick<PrismaClient, "draftVersion" | "clause">;

export interface ImportDraftVersionProps {
  draftId: string;
  versionNo: number;
  /** 征求意见稿, 二审稿 … */
  label: string;
  text: string;
  sourceFormat?: string;
  publishedAt?: Date;
}

export async function importDraftVersion(db: Db, props: ImportDraftVersionProps) {
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
  const flat = flattenClauses(parsed);
  const idByPath = new Map(flat.map((row) => [row.node.path, crypto.randomUUID()]));
  await db.clause.createMany({
    data: flat.map(({ node, parentPath, position }) => ({
      id: idByPath.get(node.path)!,
      draftVersionId: version.id,
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
  return { version, clauseCount: flat.length, warnings: parsed.warnings };
}
