import type { PrismaClient } from "~/utils/db.server";
import type { SessionUser } from "./user.server";
import { consultationScope } from "./consultation.server";

export async function getForumForUser(prisma: PrismaClient, { id, user }: { id: string; user: SessionUser }) {
  return prisma.forum.findFirst({
    where: { id, consultation: consultationScope(user) },
    select: {
      id: true,
      title: true,
      heldAt: true,
      location: true,
      attendeeCount: true,
      consultation: {
        select: {
          id: true,
          contactPoint: { select: { name: true } },
          draftVersion: { select: { label: true, draft: { select: { title: true } } } },
        },
      },
    },
  });
}
