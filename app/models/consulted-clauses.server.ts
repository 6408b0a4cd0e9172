// The clauses of versions under consultation, by citation, kept in memory: a version that has consultations is
// published, and a published version's text never changes (saving refuses it), so resolving 第十二条第二款 needs no
// query after the first. The busiest writer — residents posting the public form — resolves a citation per post.
import type { PrismaClient } from "~/utils/db.server";
import type { StoredClause } from "~/legal/clause-rows";

export const CLAUSE_SELECT = { id: true, parentId: true, kind: true, label: true, text: true, citation: true, path: true, stableKey: true } as const;

export type ConsultedClause = StoredClause;

const CACHED_VERSIONS = 32;
const cache = new Map<string, Promise<Map<string, ConsultedClause>>>();

async function load(prisma: PrismaClient, draftVersionId: string): Promise<Map<string, ConsultedClause>> {
  const rows = await prisma.clause.findMany({ where: { draftVersionId }, orderBy: { position: "asc" }, select: CLAUSE_SELECT });
  const byCitation = new Map<string, ConsultedClause>();
  // The first in reading order wins: 第三条 is the article, not its only paragraph of the same citation.
  for (const row of rows) if (row.citation && !byCitation.has(row.citation)) byCitation.set(row.citation, row);
  return byCitation;
}

/** The clause a citation names in a version under consultation, or null. */
export async function findConsultedClause(prisma: PrismaClient, { draftVersionId, citation }: { draftVersionId: string; citation: string }): Promise<ConsultedClause | null> {
  let entry = cache.get(draftVersionId);
  if (entry) {
    cache.delete(draftVersionId);
  } else {
    entry = load(prisma, draftVersionId);
    entry.catch(() => cache.delete(draftVersionId));
  }
  cache.set(draftVersionId, entry);
  while (cache.size > CACHED_VERSIONS) cache.delete(cache.keys().next().value!);
  return (await entry).get(citation) ?? null;
}
