// Consultations (征求意见) as each role may see them. Scope is checked inside the query.
import type { PrismaClient } from "~/utils/db.server";
import type { SessionUser } from "./user.server";

/** The consultations a user may see: legislature → its drafts'; contact-point roles → their contact point's. */
export function consultationScope(user: SessionUser) {
  switch (user.role) {
    case "admin":
      return {};
    case "legislature":
      return { draftVersion: { draft: { legislatureId: user.legislatureId ?? "-" } } };
    default:
      return { contactPointId: user.contactPointId ?? "-" };
  }
}

export async function listConsultationsForUser(prisma: PrismaClient, user: SessionUser) {
  return prisma.consultation.findMany({
    where: consultationScope(user),
    orderBy: [{ deadline: "asc" }],
    select: {
      id: true,
      deadline: true,
      status: true,
      contactPoint: { select: { id: true, name: true } },
      draftVersion: { select: { id: true, label: true, draft: { select: { id: true, title: true } } } },
      // Hidden, merged and withdrawn comments are not opinions received (merged ones count through their target).
      _count: { select: { comments: { where: { status: "active" } }, forums: true } },
    },
  });
}

export async function getConsultationForUser(prisma: PrismaClient, { id, user }: { id: string; user: SessionUser }) {
  return prisma.consultation.findFirst({
    where: { id, ...consultationScope(user) },
    select: {
      id: true,
      deadline: true,
      status: true,
      publicToken: true,
      contactPoint: { select: { id: true, name: true } },
      draftVersion: { select: { id: true, label: true, draft: { select: { id: true, title: true } } } },
      forums: { orderBy: { heldAt: "asc" }, select: { id: true, title: true, heldAt: true, location: true, attendeeCount: true } },
      _count: { select: { comments: { where: { status: "active" } } } },
    },
  });
}
