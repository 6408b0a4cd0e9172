// 发布: a version becomes the published text and goes to the chosen contact points, each a Consultation with its
// own deadline and public token. One transaction: the version is published with all its consultations or not at all.
import crypto from "node:crypto";
import type { PrismaClient } from "~/utils/db.server";
import { transaction } from "~/utils/transaction.server";
import { recordAudit } from "~/models/audit-log.server";
import { parseLegalText } from "~/legal/parse";
import { isAcceptableDeadline } from "~/utils/deadline-date";
import { DraftRefusedError } from "./draft-refused-error.server";

export interface PublishDraftVersionProps {
  legislatureId: string;
  userId: string;
  draftId: string;
  draftVersionId: string;
  /** The contact points to consult, each with its deadline. */
  consultations: Array<{ contactPointId: string; deadline: Date }>;
  /** The committee has seen the parser's warnings and publishes anyway. */
  confirmWarnings: boolean;
  now?: Date;
}

/** 16 random bytes: the public link (and QR code) of a consultation cannot be guessed. */
export function newPublicToken(): string {
  return crypto.randomBytes(16).toString("base64url");
}

export async function publishDraftVersion(prisma: PrismaClient, props: PublishDraftVersionProps) {
  const now = props.now ?? new Date();
  const version = await prisma.draftVersion.findFirst({
    where: { id: props.draftVersionId, draftId: props.draftId, draft: { legislatureId: props.legislatureId } },
    select: { id: true, versionNo: true, label: true, sourceText: true, publishedAt: true, draft: { select: { versions: { where: { publishedAt: { not: null } }, select: { id: true } } } } },
  });
  if (!version) throw new DraftRefusedError("未找到该草案版本，或您无权发布。", 404, `version ${props.draftVersionId} not in draft ${props.draftId} of legislature ${props.legislatureId}`);
  if (version.publishedAt) throw new DraftRefusedError("该版本已经发布。", 409, `version ${version.id} already published`);

  const ids = props.consultations.map((c) => c.contactPointId);
  if (new Set(ids).size !== ids.length) throw new DraftRefusedError("同一联系点只能选择一次。", 400, "duplicate contact points", "contactPointId");
  const firstPublication = version.draft.versions.length === 0;
  if (firstPublication && ids.length === 0) {
    throw new DraftRefusedError("请至少选择一个联系点征求意见。", 400, "first publication without contact points", "contactPointId");
  }
  const designated = await prisma.legislatureContactPoint.findMany({
    where: { legislatureId: props.legislatureId, contactPointId: { in: ids } },
    select: { contactPointId: true },
  });
  if (designated.length !== ids.length) {
    const known = new Set(designated.map((d) => d.contactPointId));
    throw new DraftRefusedError("所选联系点不是本委员会确定的基层立法联系点。", 400, `not designated: ${ids.filter((id) => !known.has(id)).join(", ")}`, "contactPointId");
  }
  const late = props.consultations.find((c) => !isAcceptableDeadline(c.deadline, now));
  if (late) {
    throw new DraftRefusedError("截止日期必须晚于今天。", 400, `deadline ${late.deadline.toISOString()} not after today`, `deadline_${late.contactPointId}`);
  }
  const warnings = parseLegalText(version.sourceText).warnings;
  if (warnings.length > 0 && !props.confirmWarnings) {
    throw new DraftRefusedError(`文本还有 ${warnings.length} 处需要检查的地方。请修改文本，或勾选“已检查，确认发布”。`, 400, `${warnings.length} parse warnings not confirmed`, "confirmWarnings");
  }

  return transaction(prisma, async (tx) => {
    // Only an unpublished version is published: a second click, or another tab, finds nothing to update.
    const published = await tx.draftVersion.updateMany({ where: { id: version.id, publishedAt: null }, data: { publishedAt: now } });
    if (published.count === 0) throw new DraftRefusedError("该版本已经发布。", 409, `version ${version.id} published concurrently`);
    await tx.draft.update({ where: { id: props.draftId }, data: { status: "consulting" } });
    const consultations = props.consultations.map((c) => ({
      draftVersionId: version.id,
      contactPointId: c.contactPointId,
      deadline: c.deadline,
      publicToken: newPublicToken(),
    }));
    await tx.consultation.createMany({ data: consultations });
    await recordAudit(tx, {
      userId: props.userId,
      action: "draft.published",
      entityType: "DraftVersion",
      entityId: version.id,
      detail: {
        draftId: props.draftId,
        versionNo: version.versionNo,
        label: version.label,
        warnings: warnings.length,
        consultations: props.consultations.map((c) => ({ contactPointId: c.contactPointId, deadline: c.deadline.toISOString() })),
      },
    });
    return { versionId: version.id, consultationCount: consultations.length };
  });
}
