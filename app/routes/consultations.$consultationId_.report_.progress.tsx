// The compile's progress as a small JSON answer, polled by the report page's progress bar: the newest report
// version's state, percent and stage. The same people as the report page (staff and deputies of the contact point);
// null before anything was compiled.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { consultationScope } from "~/models/consultation.server";
import { getLatestReport } from "~/models/feedback-report-list.server";
import { readReportProgress } from "~/models/report-progress.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithRole(request, ["staff", "deputy"]);
  const prisma = getPrisma();
  const consultation = await prisma.consultation.findFirst({ where: { id: params.consultationId ?? "", ...consultationScope(user) }, select: { id: true } });
  invariantResponse(consultation, "未找到该征求意见任务，或您无权查看。");
  const latest = await getLatestReport(prisma, { consultationId: consultation.id });
  return json(latest ? await readReportProgress(latest) : null, { headers: { "Cache-Control": "private, no-store" } });
}
