// 组织座谈会: a forum of a consultation, with its attendees, created by the contact point's staff. One transaction:
// a refused attendee stores nothing.
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "~/models/audit-log.server";
import type { ForumInput } from "./forum-fields";
import { attendeeRows } from "./forum-attendees.server";

export interface CreateForumProps {
  consultation: { id: string; contactPointId: string };
  /** The staff member creating it. */
  userId: string;
  input: ForumInput;
}

export async function createForum(prisma: PrismaClient, { consultation, userId, input }: CreateForumProps): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const attendees = await attendeeRows(tx, { contactPointId: consultation.contactPointId, input });
    const forum = await tx.forum.create({
      data: {
        consultationId: consultation.id,
        title: input.title,
        heldAt: input.heldAt,
        location: input.location,
        attendeeCount: input.attendeeCount,
        createdById: userId,
        attendees: { create: attendees },
      },
      select: { id: true },
    });
    await recordAudit(tx, { userId, action: "forum.created", entityType: "Forum", entityId: forum.id, detail: { consultationId: consultation.id } });
    return forum;
  });
}
