// Loads the demo organisation and draft. Idempotent: rows are looked up by their natural keys and only
// created when missing, so running it again changes nothing.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import type { PrismaClient } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { importDraftVersion } from "~/commands/import-draft-version.server";
import { CONTACT_POINTS, DEMO_DRAFT, DEMO_FORUM, DEMO_PASSWORD, LEGISLATURES, USERS } from "./demo-data";

export async function loadDemoData(prisma: PrismaClient, now = new Date()): Promise<void> {
  const legislatureIds = new Map<string, string>();
  for (const { key, ...data } of LEGISLATURES) {
    const row = await prisma.legislature.upsert({ where: { name: data.name }, update: {}, create: data });
    legislatureIds.set(key, row.id);
  }

  const contactPointIds = new Map<string, string>();
  for (const { key, designatedBy, ...data } of CONTACT_POINTS) {
    const row = await prisma.contactPoint.upsert({ where: { name: data.name }, update: {}, create: data });
    contactPointIds.set(key, row.id);
    for (const legislature of designatedBy) {
      const ids = { legislatureId: legislatureIds.get(legislature)!, contactPointId: row.id };
      await prisma.legislatureContactPoint.upsert({ where: { legislatureId_contactPointId: ids }, update: {}, create: ids });
    }
  }

  for (const user of USERS) {
    if (await prisma.user.findUnique({ where: { username: user.username }, select: { id: true } })) continue;
    await prisma.user.create({
      data: {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        legislatureId: user.legislature ? legislatureIds.get(user.legislature) : null,
        contactPointId: user.contactPoint ? contactPointIds.get(user.contactPoint) : null,
      },
    });
  }

  await prisma.$transaction(async (tx) => {
    const legislatureId = legislatureIds.get(DEMO_DRAFT.legislature)!;
    const draft = await tx.draft.upsert({
      where: { legislatureId_title: { legislatureId, title: DEMO_DRAFT.title } },
      update: {},
      create: { legislatureId, title: DEMO_DRAFT.title, status: "consulting" },
    });
    let version = await tx.draftVersion.findUnique({ where: { draftId_versionNo: { draftId: draft.id, versionNo: 1 } } });
    if (!version) {
      const text = fs.readFileSync(path.join(import.meta.dirname, DEMO_DRAFT.file), "utf8");
      ({ version } = await importDraftVersion(tx, { draftId: draft.id, versionNo: 1, label: DEMO_DRAFT.versionLabel, text, publishedAt: now }));
    }
    const deadline = new Date(now.getTime() + DEMO_DRAFT.deadlineDaysAfterSeed * 86_400_000);
    for (const key of DEMO_DRAFT.consultedContactPoints) {
      const contactPointId = contactPointIds.get(key)!;
      const where = { draftVersionId_contactPointId: { draftVersionId: version.id, contactPointId } };
      const consultation =
        (await tx.consultation.findUnique({ where })) ??
        (await tx.consultation.create({
          data: { draftVersionId: version.id, contactPointId, deadline, publicToken: crypto.randomBytes(12).toString("base64url") },
        }));
      if (key !== DEMO_FORUM.contactPoint) continue;
      const existing = await tx.forum.findFirst({ where: { consultationId: consultation.id, title: DEMO_FORUM.title } });
      if (!existing) {
        const { contactPoint: _, ...forum } = DEMO_FORUM;
        await tx.forum.create({ data: { ...forum, consultationId: consultation.id, heldAt: new Date(now.getTime() + 7 * 86_400_000) } });
      }
    }
  });
}
