// The forum's record as a Word file (座谈会记录.docx): facts, attendees, minutes, opinions by clause — open or closed.
// The same people who may open the forum may download it; residents' names in full only for the contact point's staff.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPrisma } from "~/utils/db.server";
import { forumDocName, requireForumAccess } from "~/utils/forum-access.server";
import { loadDocumentState } from "~/models/collab-document.server";
import { getClauses } from "~/models/draft.server";
import { listDeputiesOfContactPoint } from "~/models/forum.server";
import { anchorTexts, pickableClauses } from "~/components/annotate/clause-texts";
import { readBoardState } from "~/components/forum/board-doc";
import { minutesBlocks } from "~/reports/minutes-blocks";
import { buildForumRecord } from "~/reports/forum-record";
import { forumRecordDocx } from "~/reports/forum-record-docx";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, forum } = await requireForumAccess({ request, params });
  const prisma = getPrisma();
  const { consultation } = forum;
  const [minutes, board, rows, deputies] = await Promise.all([
    loadDocumentState(prisma, forumDocName(forum.id, "minutes")),
    loadDocumentState(prisma, forumDocName(forum.id, "board")),
    getClauses(prisma, { draftVersionId: consultation.draftVersionId }),
    listDeputiesOfContactPoint(prisma, { contactPointId: consultation.contactPointId }),
  ]);
  const texts = anchorTexts(rows);
  const record = buildForumRecord({
    forum,
    consultation: { draftTitle: consultation.draftVersion.draft.title, versionLabel: consultation.draftVersion.label, contactPointName: consultation.contactPoint.name },
    attendees: forum.attendees,
    deputies: new Set(deputies.map((d) => d.id)),
    minutes: minutesBlocks(minutes),
    cards: readBoardState(board),
    clauses: pickableClauses(rows).map((c) => ({ citation: c.citation, text: texts.get(c.id) ?? "" })),
    unmasked: user.role === "staff",
    exportedAt: new Date(),
  });
  const file = await forumRecordDocx(record);
  const name = `${forum.title.replace(/[\\/:*?"<>|\s]+/g, "")}-记录.docx`;
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="forum-record.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
