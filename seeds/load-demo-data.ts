// Loads the demo organisation and draft in one transaction (an interrupted first start leaves nothing behind).
// Idempotent: rows are looked up by their natural keys and only created when missing, so running it again changes
// nothing.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import type { PrismaClient } from "~/utils/db.server";
import type { TransactionClient } from "~/utils/transaction.server";
import { hashPassword } from "~/utils/password.server";
import { importDraftVersion } from "~/commands/import-draft-version.server";
import { CONTACT_POINTS, DEMO_DRAFT, DEMO_FORUM, DEMO_PASSWORD, LEGISLATURES, USERS } from "./demo-data";

const DAY_MS = 86_400_000;

type IdsByKey = Map<string, string>;

export async function loadDemoData(prisma: PrismaClient, now = new Date()): Promise<void> {
  // bcrypt is slow on purpose: hash once, outside the transaction.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(
    async (tx) => {
      const ids = await loadOrganisation(tx, passwordHash);
      await loadDemoDraft(tx, ids, now);
    },
    { timeout: 60_000 },
  );
}

async function loadOrganisation(tx: TransactionClient, passwordHash: string) {
  const legislatures: IdsByKey = new Map();
  for (const { key, ...data } of LEGISLATURES) {
    const row = await tx.legislature.upsert({ where: { name: data.name }, update: {}, create: data });
    legislatures.set(key, row.id);
  }

  const contactPoints: IdsByKey = new Map();
  for (const { key, designatedBy, ...data } of CONTACT_POINTS) {
    const row = await tx.contactPoint.upsert({ where: { name: data.name }, update: {}, create: data });
    contactPoints.set(key, row.id);
    for (const legislature of designatedBy) {
      const ids = { legislatureId: legislatures.get(legislature)!, contactPointId: row.id };
      await tx.legislatureContactPoint.upsert({ where: { legislatureId_contactPointId: ids }, update: {}, create: ids });
    }
  }

  for (const user of USERS) {
    if (await tx.user.findUnique({ where: { username: user.username }, select: { id: true } })) continue;
    await tx.user.create({
      data: {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        passwordHash,
        // Deputies get their personal QR code (代表二维码) from the start.
        qrToken: user.role === "deputy" ? crypto.randomBytes(12).toString("base64url") : null,
        legislatureId: user.legislature ? legislatures.get(user.legislature) : null,
        contactPointId: user.contactPoint ? contactPoints.get(user.contactPoint) : null,
      },
    });
  }
  return { legislatures, contactPoints };
}

async function loadDemoDraft(tx: TransactionClient, ids: { legislatures: IdsByKey; contactPoints: IdsByKey }, now: Date) {
  const legislatureId = ids.legislatures.get(DEMO_DRAFT.legislature)!;
  const draft = await tx.draft.upsert({
    where: { legislatureId_title: { legislatureId, title: DEMO_DRAFT.title } },
    update: {},
    create: { legislatureId, title: DEMO_DRAFT.title, status: "consulting" },
  });
  let version = await tx.draftVersion.findUnique({ where: { draftId_versionNo: { draftId: draft.id, versionNo: 1 } } });
  if (!version) {
    const text = fs.readFileSync(path.join(import.meta.dirname, DEMO_DRAFT.file), "utf8");
    const imported = await importDraftVersion(tx, { draftId: draft.id, versionNo: 1, label: DEMO_DRAFT.versionLabel, text, publishedAt: now });
    if (imported.warnings.length > 0) {
      throw new Error(`demo draft ${DEMO_DRAFT.file} has parse warnings: ${JSON.stringify(imported.warnings)}`);
    }
    version = imported.version;
  }

  const deadline = new Date(now.getTime() + DEMO_DRAFT.deadlineDaysAfterSeed * DAY_MS);
  for (const key of DEMO_DRAFT.consultedContactPoints) {
    const contactPointId = ids.contactPoints.get(key)!;
    const where = { draftVersionId_contactPointId: { draftVersionId: version.id, contactPointId } };
    const consultation =
      (await tx.consultation.findUnique({ where })) ??
      (await tx.consultation.create({
        data: { draftVersionId: version.id, contactPointId, deadline, publicToken: crypto.randomBytes(12).toString("base64url") },
      }));
    if (key !== DEMO_FORUM.contactPoint) continue;
    const { contactPoint: _, ...forum } = DEMO_FORUM;
    if (!(await tx.forum.findFirst({ where: { consultationId: consultation.id, title: forum.title } }))) {
      await tx.forum.create({ data: { ...forum, consultationId: consultation.id, heldAt: new Date(now.getTime() + 7 * DAY_MS) } });
    }
  }
}
