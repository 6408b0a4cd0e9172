// 新版本 (二审稿, 修改稿 …): the next text of a draft, stored unpublished with its clause tree, for the committee to
// preview, correct and publish. A draft has at most one unpublished version at a time: "the previous version" of
// a 修改对照表 and "the version to publish" stay unambiguous.
import type { PrismaClient } from "~/utils/db.server";
import { transaction } from "~/utils/transaction.server";
import { recordAudit } from "~/models/audit-log.server";
import { importDraftVersion } from "./import-draft-version.server";
import type { DraftText } from "./read-draft-text.server";
import { DraftRefusedError } from "./draft-refused-error.server";

export interface AddDraftVersionProps {
  draftId: string;
  userId: string;
  label: string;
  source: DraftText;
  /** A new proposed deadline for the consultations of this version; unchanged when absent. */
  deadline?: Date;
}

export async function addDraftVersion(prisma: PrismaClient, props: AddDraftVersionProps) {
  return transaction(prisma, async (tx) => {
    // Serialises concurrent additions to one draft: the second waits here, then sees the first's version.
    await tx.$queryRaw`SELECT id FROM "Draft" WHERE id = ${props.draftId} FOR UPDATE`;
    const versions = await tx.draftVersion.findMany({ where: { draftId: props.draftId }, select: { versionNo: true, publishedAt: true } });
    if (versions.some((v) => v.publishedAt === null)) {
      throw new DraftRefusedError("该草案已有一个尚未发布的版本，请先修改并发布它，再添加新版本。", 409, `draft ${props.draftId} already has an unpublished version`);
    }
    const versionNo = Math.max(0, ...versions.map((v) => v.versionNo)) + 1;
    const { version, clauseCount } = await importDraftVersion(tx, {
      draftId: props.draftId,
      versionNo,
      label: props.label,
      text: props.source.text,
      sourceFormat: props.source.format,
    });
    if (props.deadline) await tx.draft.update({ where: { id: props.draftId }, data: { deadline: props.deadline } });
    await recordAudit(tx, {
      userId: props.userId,
      action: "draft.version-added",
      entityType: "DraftVersion",
      entityId: version.id,
      detail: { draftId: props.draftId, versionNo, format: props.source.format, clauses: clauseCount, warnings: props.source.parsed.warnings.length },
    });
    return { versionId: version.id, versionNo };
  });
}
