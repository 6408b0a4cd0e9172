// A version's clauses as the draft reader takes them. A published version's text never changes, so its clause list
// is kept in memory (a few hundred rows per version, the last few versions): the public page is opened by many
// residents at once and should not read and convert the same rows for each of them.
import type { PrismaClient } from "~/utils/db.server";
import type { ReaderClause } from "~/components/reader/reader-model";

const CACHED_VERSIONS = 16;
const cache = new Map<string, Promise<ReaderClause[]>>();

function load(prisma: PrismaClient, draftVersionId: string): Promise<ReaderClause[]> {
  return prisma.clause.findMany({
    where: { draftVersionId },
    orderBy: { position: "asc" },
    select: { id: true, parentId: true, kind: true, label: true, text: true, citation: true, stableKey: true },
  });
}

/**
 * The clauses of a version in reading order. `published` versions are served from memory after the first read;
 * drafts still being edited are read every time.
 */
export async function getReaderClauses(prisma: PrismaClient, { draftVersionId, published }: { draftVersionId: string; published: boolean }): Promise<ReaderClause[]> {
  if (!published) return load(prisma, draftVersionId);
  const hit = cache.get(draftVersionId);
  if (hit) {
    // Most recently used last, so the oldest entry is the first to go.
    cache.delete(draftVersionId);
    cache.set(draftVersionId, hit);
    return hit;
  }
  const loading = load(prisma, draftVersionId);
  cache.set(draftVersionId, loading);
  loading.catch(() => cache.delete(draftVersionId));
  while (cache.size > CACHED_VERSIONS) cache.delete(cache.keys().next().value!);
  return loading;
}
