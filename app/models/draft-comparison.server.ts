// 修改对照表 between two versions of a draft: for the committee (any two of its versions, the unpublished one
// included, to check a revision before publishing it) and for every contact point consulted on the draft (published
// versions only, whichever version that contact point was consulted on).
import crypto from "node:crypto";
import type { PrismaClient } from "~/utils/db.server";
import type { SessionUser } from "./user.server";
import { consultationScope } from "./consultation.server";
import { parseLegalText } from "~/legal/parse";
import { buildComparisonTable } from "~/legal/comparison-table";
import type { ComparisonRowView } from "~/components/legislature/comparison-view";

export interface VersionChoice {
  id: string;
  versionNo: number;
  label: string;
  publishedAt: Date | null;
}

/**
 * The pair to compare: `to` defaults to the latest version, `from` to the version before `to`. Null when a given id
 * is not among `versions` (→ 404), or when there is nothing to compare yet (one version: 尚无新版本).
 */
export function pickComparedPair<V extends VersionChoice>(versions: V[], fromId: string | null, toId: string | null): { from: V; to: V } | "unknown" | null {
  const ordered = [...versions].sort((a, b) => a.versionNo - b.versionNo);
  const to = toId ? ordered.find((v) => v.id === toId) : ordered[ordered.length - 1];
  if (!to && toId) return "unknown";
  const from = fromId ? ordered.find((v) => v.id === fromId) : [...ordered].reverse().find((v) => v.versionNo < (to?.versionNo ?? 0));
  if (!from && fromId) return "unknown";
  return from && to ? { from, to } : null;
}

// Aligning two 300-article texts takes ~150 ms; texts of published versions never change, so tables are kept.
const CACHE_SIZE = 16;
const cache = new Map<string, ComparisonRowView[]>();
const digest = (text: string) => crypto.createHash("sha256").update(text).digest("base64url");

/** The table's rows (headings included), computed once per pair of texts. */
export function comparisonRows(fromText: string, toText: string): ComparisonRowView[] {
  const key = `${digest(fromText)}:${digest(toText)}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const table = buildComparisonTable(parseLegalText(fromText), parseLegalText(toText), { headings: true });
  const rows = table.rows.map(({ kind, status, old, new: next, segments, note }) => ({ kind, status, old, new: next, segments, note }));
  cache.set(key, rows);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return rows;
}

const VERSION_SELECT = { id: true, versionNo: true, label: true, publishedAt: true } as const;

/**
 * The comparison a contact point's user sees through one of its consultations: the draft's published versions,
 * and the user's contact point's consultation on each (so rows can link to the article in that version's text).
 * Null when the consultation is out of the user's scope.
 */
export async function getConsultationComparison(
  prisma: PrismaClient,
  { consultationId, user, fromId, toId }: { consultationId: string; user: SessionUser; fromId: string | null; toId: string | null },
) {
  const consultation = await prisma.consultation.findFirst({
    where: { id: consultationId, ...consultationScope(user) },
    select: {
      id: true,
      contactPointId: true,
      contactPoint: { select: { name: true } },
      draftVersion: { select: { draft: { select: { id: true, title: true } } } },
    },
  });
  if (!consultation) return null;
  const draft = consultation.draftVersion.draft;
  const versions = await prisma.draftVersion.findMany({
    where: { draftId: draft.id, publishedAt: { not: null } },
    orderBy: { versionNo: "asc" },
    select: { ...VERSION_SELECT, consultations: { where: { contactPointId: consultation.contactPointId }, select: { id: true } } },
  });
  const pair = pickComparedPair(versions, fromId, toId);
  if (pair === "unknown") return null;
  const texts = pair
    ? await prisma.draftVersion.findMany({ where: { id: { in: [pair.from.id, pair.to.id] } }, select: { id: true, sourceText: true } })
    : [];
  const textOf = (id: string) => texts.find((t) => t.id === id)?.sourceText ?? "";
  return {
    consultation: { id: consultation.id, contactPointName: consultation.contactPoint.name },
    draft,
    versions: versions.map(({ consultations, ...v }) => ({ ...v, consultationId: consultations[0]?.id ?? null })),
    pair: pair && { fromId: pair.from.id, toId: pair.to.id },
    rows: pair ? comparisonRows(textOf(pair.from.id), textOf(pair.to.id)) : [],
  };
}

/** The committee's comparison of two of its draft's versions (unpublished included). Null when out of scope. */
export async function getLegislatureComparison(
  prisma: PrismaClient,
  { draftId, legislatureId, fromId, toId }: { draftId: string; legislatureId: string; fromId: string | null; toId: string | null },
) {
  const draft = await prisma.draft.findFirst({
    where: { id: draftId, legislatureId },
    select: { id: true, title: true, versions: { orderBy: { versionNo: "asc" }, select: { ...VERSION_SELECT, sourceText: true } } },
  });
  if (!draft) return null;
  const pair = pickComparedPair(draft.versions, fromId, toId);
  if (pair === "unknown") return null;
  return {
    draft: { id: draft.id, title: draft.title },
    versions: draft.versions.map(({ sourceText: _, ...v }) => v),
    pair: pair && { fromId: pair.from.id, toId: pair.to.id },
    rows: pair ? comparisonRows(pair.from.sourceText, pair.to.sourceText) : [],
  };
}
