// Reads what a consultation's report is compiled from: the consultation, its draft version's clauses, every
// comment that may count (active and merged; hidden and withdrawn ones are left out in compile.ts), forums.
import type { PrismaClient } from "~/utils/db.server";
import type { TransactionClient } from "~/utils/transaction.server";
import type { CommentKind, CommentSource, CommentStatus, Role } from "~/generated/prisma/enums";
import type { ReportComment, ReportInput } from "./compile";

interface CommentRow {
  id: string;
  clauseId: string | null;
  forumId: string | null;
  source: CommentSource;
  kind: CommentKind;
  status: CommentStatus;
  body: string;
  suggestedText: string | null;
  reason: string | null;
  quoteExact: string | null;
  submitterName: string | null;
  submitterPhone: string | null;
  submitterOccupation: string | null;
  supporterCount: number;
  mergedIntoId: string | null;
  createdAt: Date;
  authorId: string | null;
  authorName: string | null;
  authorRole: Role | null;
  speakerId: string | null;
  speakerName: string | null;
  speakerRole: Role | null;
  receiverId: string | null;
  receiverName: string | null;
}

function commentOf(row: CommentRow): ReportComment {
  return {
    id: row.id,
    clauseId: row.clauseId,
    forumId: row.forumId,
    source: row.source,
    kind: row.kind,
    status: row.status,
    body: row.body,
    suggestedText: row.suggestedText,
    reason: row.reason,
    // Only the quoted words of the anchor are used by the report.
    anchor: row.quoteExact === null ? null : { quote: { exact: row.quoteExact } },
    submitterName: row.submitterName,
    submitterPhone: row.submitterPhone,
    submitterOccupation: row.submitterOccupation,
    supporterCount: row.supporterCount,
    mergedIntoId: row.mergedIntoId,
    createdAt: row.createdAt,
    author: row.authorId ? { id: row.authorId, displayName: row.authorName!, role: row.authorRole! } : null,
    speaker: row.speakerId ? { id: row.speakerId, displayName: row.speakerName!, role: row.speakerRole! } : null,
    receiver: row.receiverId ? { id: row.receiverId, displayName: row.receiverName! } : null,
  };
}

export async function loadReportInput(
  prisma: PrismaClient | TransactionClient,
  { consultationId, reportVersion }: { consultationId: string; reportVersion: number },
): Promise<ReportInput | null> {
  const consultation = await prisma.consultation.findUnique({
    where: { id: consultationId },
    select: {
      id: true,
      deadline: true,
      createdAt: true,
      contactPoint: { select: { id: true, name: true } },
      draftVersion: { select: { id: true, label: true, versionNo: true, draft: { select: { id: true, title: true } } } },
    },
  });
  if (!consultation) return null;
  const [clauses, comments, forums] = await Promise.all([
    prisma.clause.findMany({
      where: { draftVersionId: consultation.draftVersion.id },
      orderBy: { position: "asc" },
      select: { id: true, parentId: true, kind: true, label: true, text: true, citation: true, path: true, stableKey: true },
    }),
    // One query with the people joined: a consultation may have tens of thousands of comments.
    prisma.$queryRaw<CommentRow[]>`
      SELECT c.id, c."clauseId", c."forumId", c.source::text AS source, c.kind::text AS kind, c.status::text AS status, c.body,
             c."suggestedText", c.reason, c.anchor -> 'quote' ->> 'exact' AS "quoteExact", c."submitterName", c."submitterPhone",
             c."submitterOccupation", c."supporterCount", c."mergedIntoId", c."createdAt",
             a.id AS "authorId", a."displayName" AS "authorName", a.role::text AS "authorRole",
             s.id AS "speakerId", s."displayName" AS "speakerName", s.role::text AS "speakerRole",
             r.id AS "receiverId", r."displayName" AS "receiverName"
      FROM "Comment" c
      LEFT JOIN "User" a ON a.id = c."authorId"
      LEFT JOIN "User" s ON s.id = c."speakerId"
      LEFT JOIN "User" r ON r.id = c."receiverId"
      WHERE c."consultationId" = ${consultationId} AND c.status IN ('active', 'merged')
      ORDER BY c."createdAt", c.id`,
    prisma.forum.findMany({
      where: { consultationId },
      orderBy: [{ heldAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, attendeeCount: true, _count: { select: { attendees: true } } },
    }),
  ]);
  const { draftVersion } = consultation;
  return {
    consultation: { id: consultation.id, deadline: consultation.deadline, createdAt: consultation.createdAt },
    contactPoint: consultation.contactPoint,
    draft: draftVersion.draft,
    version: { id: draftVersion.id, label: draftVersion.label, versionNo: draftVersion.versionNo },
    reportVersion,
    clauses,
    comments: comments.map(commentOf),
    forums: forums.map((f) => ({ id: f.id, title: f.title, listedAttendees: f._count.attendees, attendeeCount: f.attendeeCount })),
  };
}
