// Forums (座谈会) as the people of a contact point see them. Scope is checked inside every query.
import type { PrismaClient } from "~/utils/db.server";
import type { SessionUser } from "./user.server";
import { consultationScope } from "./consultation.server";

const ATTENDEE_SELECT = {
  orderBy: { position: "asc" },
  select: { id: true, userId: true, name: true, occupation: true },
} as const;

export async function getForumForUser(prisma: PrismaClient, { id, user }: { id: string; user: SessionUser }) {
  return prisma.forum.findFirst({
    where: { id, consultation: consultationScope(user) },
    select: {
      id: true,
      title: true,
      heldAt: true,
      location: true,
      attendeeCount: true,
      closedAt: true,
      closedBy: { select: { displayName: true } },
      attendees: ATTENDEE_SELECT,
      _count: { select: { comments: true } },
      consultation: {
        select: {
          id: true,
          draftVersionId: true,
          contactPointId: true,
          deadline: true,
          status: true,
          contactPoint: { select: { name: true } },
          draftVersion: { select: { label: true, draft: { select: { title: true } } } },
        },
      },
    },
  });
}

export type ForumForUser = NonNullable<Awaited<ReturnType<typeof getForumForUser>>>;

/** The forums of the consultations the user may see, the next or latest first. */
export async function listForumsForUser(prisma: PrismaClient, user: SessionUser) {
  return prisma.forum.findMany({
    where: { consultation: consultationScope(user) },
    orderBy: [{ heldAt: "desc" }],
    take: 500,
    select: {
      id: true,
      title: true,
      heldAt: true,
      location: true,
      attendeeCount: true,
      closedAt: true,
      _count: { select: { attendees: true, comments: true } },
      consultation: { select: { id: true, draftVersion: { select: { label: true, draft: { select: { title: true } } } } } },
    },
  });
}

/** The deputies of a contact point, who may be listed as attendees and speakers. */
export async function listDeputiesOfContactPoint(prisma: PrismaClient, { contactPointId }: { contactPointId: string }) {
  return prisma.user.findMany({
    where: { contactPointId, role: "deputy" },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    select: { id: true, displayName: true },
  });
}
