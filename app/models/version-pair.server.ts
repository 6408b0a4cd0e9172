// Two published versions of a draft parsed and aligned once: published texts never change (saving refuses them),
// so the pair is kept by the versions' ids. Re-anchoring every suggestion of a page then costs a red-line each.
import type { PrismaClient } from "~/utils/db.server";
import { parseLegalText } from "~/legal/parse";
import { buildVersionPair, type VersionPair } from "~/components/adoption/reanchor-unit";

const CACHE_SIZE = 8;
const cache = new Map<string, VersionPair>();

/** The aligned pair, or null when either version is not a published version of the draft. */
export async function getPublishedVersionPair(prisma: PrismaClient, { draftId, fromId, toId }: { draftId: string; fromId: string; toId: string }): Promise<VersionPair | null> {
  const key = `${fromId}:${toId}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const versions = await prisma.draftVersion.findMany({
    where: { draftId, id: { in: [fromId, toId] }, publishedAt: { not: null } },
    select: { id: true, sourceText: true },
  });
  const from = versions.find((v) => v.id === fromId);
  const to = versions.find((v) => v.id === toId);
  if (!from || !to) return null;
  const pair = buildVersionPair(parseLegalText(from.sourceText), parseLegalText(to.sourceText));
  cache.set(key, pair);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return pair;
}
