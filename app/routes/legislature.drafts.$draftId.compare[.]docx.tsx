// The 修改对照表 of two versions as a Word file: /legislature/drafts/<id>/compare.docx?from=&to= (defaults as on the
// page: the latest version against the one before; all=1 for every article, else only the changed ones), with the
// suggestions each article received. The committee whose draft it is only (others 404).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { getLegislatureComparison } from "~/models/draft-comparison.server";
import { countSuggestionsByArticle } from "~/models/suggestion-counts.server";
import { isChangedRow } from "~/components/legislature/comparison-view";
import { comparisonDocx } from "~/reports/comparison-docx";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithRole(request, ["legislature"]);
  const url = new URL(request.url);
  const prisma = getPrisma();
  const comparison = await getLegislatureComparison(prisma, {
    draftId: params.draftId ?? "",
    legislatureId: user.legislatureId ?? "-",
    fromId: url.searchParams.get("from"),
    toId: url.searchParams.get("to"),
  });
  invariantResponse(comparison, "未找到该法规草案或版本，或您无权查看。");
  invariantResponse(comparison.pair, "该草案只有一个版本，尚无修改对照表。", 409);
  const { fromId, toId } = comparison.pair;
  const label = (id: string) => comparison.versions.find((v) => v.id === id)!.label;
  const rows = url.searchParams.get("all") === "1" ? comparison.rows : comparison.rows.filter(isChangedRow);
  const file = await comparisonDocx({
    title: comparison.draft.title,
    fromLabel: label(fromId),
    toLabel: label(toId),
    rows,
    suggestionCounts: await countSuggestionsByArticle(prisma, { draftVersionId: fromId }),
  });
  const name = `${comparison.draft.title.replace(/[\\/:*?"<>|\s《》]+/g, "")}-修改对照表-${label(fromId)}与${label(toId)}.docx`;
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="comparison.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
