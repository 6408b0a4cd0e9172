// 新建法规草案: the draft (title, 起草说明, proposed deadline) and its first version, unpublished, with the clause
// tree of its text — in one transaction, so a refusal or a failure leaves nothing behind.
import type { PrismaClient } from "~/utils/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { RichDoc } from "~/components/rich-text/rich-text";
import { transaction } from "~/utils/transaction.server";
import { recordAudit } from "~/models/audit-log.server";
import { quoteForLog } from "~/utils/log.server";
import { importDraftVersion } from "./import-draft-version.server";
import type { DraftText } from "./read-draft-text.server";
import { DraftRefusedError } from "./draft-refused-error.server";

export interface CreateDraftProps {
  legislatureId: string;
  userId: string;
  title: string;
  /** 起草说明, sanitized Tiptap JSON; null when none was written. */
  explanation: RichDoc | null;
  /** Proposed deadline of the consultations (editable per contact point when publishing). */
  deadline: Date;
  /** 征求意见稿 … */
  label: string;
  source: DraftText;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

export async function createDraft(prisma: PrismaClient, props: CreateDraftProps) {
  const duplicate = () => new DraftRefusedError("已有同名的法规草案，请换一个名称，或在原草案中发布新版本。", 400, `duplicate draft title ${quoteForLog(props.title)}`, "title");
  if (await prisma.draft.findFirst({ where: { legislatureId: props.legislatureId, title: props.title }, select: { id: true } })) throw duplicate();
  try {
    return await transaction(prisma, async (tx) => {
      const draft = await tx.draft.create({
        data: {
          legislatureId: props.legislatureId,
          title: props.title,
          // A RichDoc is plain JSON (sanitizeRichText builds it from JSON); Prisma's type just cannot see that.
          explanation: props.explanation ? (props.explanation as unknown as Prisma.InputJsonObject) : undefined,
          deadline: props.deadline,
        },
      });
      const { version, clauseCount } = await importDraftVersion(tx, {
        draftId: draft.id,
        versionNo: 1,
        label: props.label,
        text: props.source.text,
        sourceFormat: props.source.format,
      });
      await recordAudit(tx, {
        userId: props.userId,
        action: "draft.created",
        entityType: "Draft",
        entityId: draft.id,
        detail: { versionId: version.id, format: props.source.format, clauses: clauseCount, warnings: props.source.parsed.warnings.length },
      });
      return { draftId: draft.id, versionId: version.id };
    });
  } catch (error) {
    // Two tabs creating the same title at once: the unique index decides.
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}
