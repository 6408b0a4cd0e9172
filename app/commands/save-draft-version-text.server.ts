// 保存修改: the corrected text of an unpublished version replaces its text and clause tree in one transaction.
// Clause rows are rebuilt rather than kept: nothing refers to the clauses of an unpublished version yet (no
// consultation, hence no comment), and rebuilt rows always match the stored text exactly.
import type { PrismaClient } from "~/utils/db.server";
import { transaction } from "~/utils/transaction.server";
import { storeClauseTree } from "./import-draft-version.server";
import type { DraftText } from "./read-draft-text.server";
import { DraftRefusedError } from "./draft-refused-error.server";

export interface SaveDraftVersionTextProps {
  draftVersionId: string;
  label: string;
  source: DraftText;
}

export async function saveDraftVersionText(prisma: PrismaClient, props: SaveDraftVersionTextProps) {
  return transaction(prisma, async (tx) => {
    // The version row is locked by the update; a publish running at the same time waits or wins, never interleaves.
    const updated = await tx.draftVersion.updateMany({
      where: { id: props.draftVersionId, publishedAt: null },
      data: { label: props.label, sourceText: props.source.text },
    });
    if (updated.count === 0) {
      throw new DraftRefusedError("该版本已经发布，不能再修改。如需修改，请添加新版本。", 409, `version ${props.draftVersionId} is published`);
    }
    await tx.clause.deleteMany({ where: { draftVersionId: props.draftVersionId } });
    const clauseCount = await storeClauseTree(tx, { draftVersionId: props.draftVersionId, parsed: props.source.parsed });
    return { clauseCount, warnings: props.source.parsed.warnings.length };
  });
}
