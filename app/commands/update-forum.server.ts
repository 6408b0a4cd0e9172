// 修改座谈会信息: title, time, place and attendees of an open forum, replaced as a whole in one transaction. A closed
// forum's record is final (its comments name its attendees).
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "~/models/audit-log.server";
import type { ForumInput } from "./forum-fields";
import { attendeeRows } from "./forum-attendees.server";
import { ForumRefusedError } from "./forum-refused-error.server";

export interface UpdateForumProps {
  forum: { id: string; contactPointId: string };
  userId: string;
  input: ForumInput;
}

export async function updateForum(prisma: PrismaClient, { forum, userId, input }: UpdateForumProps): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.forum.updateMany({
      where: { id: forum.id, closedAt: null },
      data: { title: input.title, heldAt: input.heldAt, location: input.location, attendeeCount: input.attendeeCount },
    });
    if (count === 0) throw new ForumRefusedError("座谈会已结束，不能再修改座谈会信息。", 409, `forum ${forum.id} is closed`);
    const attendees = await attendeeRows(tx, { contactPointId: forum.contactPointId, input });
    await tx.forumAttendee.deleteMany({ where: { forumId: forum.id } });
    await tx.forumAttendee.createMany({ data: attendees.map((a) => ({ ...a, forumId: forum.id })) });
    await recordAudit(tx, { userId, action: "forum.updated", entityType: "Forum", entityId: forum.id });
  });
}
