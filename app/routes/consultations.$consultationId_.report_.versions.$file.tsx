// GET /consultations/<id>/report/versions/<n>.<json|docx|xlsx|pdf|csv>: one version of a report, frozen ones included
// — staff prove what they submitted after compiling again; the committee downloads exactly the version it received.
// The contact point's staff and deputies: any compiled version; the committee owning the draft: submitted ones only.
// Anyone else, or a version they may not see: 404. The files are rendered as /report.<ext> renders them.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { consultationScope } from "~/models/consultation.server";
import { readReportDocument } from "~/components/report/report-document";
import { EXPORT_FORMATS, reportFileResponse, type ExportFormat } from "~/reports/export-response.server";
import { PdfFontMissingError } from "~/reports/render-pdf";

const FILE = /^([1-9]\d{0,5})\.([a-z]{3,4})$/;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithRole(request, ["staff", "deputy", "legislature"]);
  const match = FILE.exec(params.file ?? "");
  invariantResponse(match, "未找到该文件。");
  const [, version, format] = match;
  invariantResponse((EXPORT_FORMATS as readonly string[]).includes(format), "未找到该文件。");
  const report = await getPrisma().feedbackReport.findFirst({
    where: {
      consultationId: params.consultationId ?? "",
      version: Number(version),
      consultation: consultationScope(user),
      status: { in: user.role === "legislature" ? ["submitted", "received"] : ["compiled", "submitted", "received"] },
    },
    select: { content: true, fileSha256: true },
  });
  invariantResponse(report, "未找到该版本的汇总报告，或您无权下载。");
  const document = readReportDocument(report.content);
  invariantResponse(document, "未找到该版本的汇总报告，或您无权下载。");
  try {
    return await reportFileResponse(format as ExportFormat, document, report.fileSha256);
  } catch (error) {
    if (!(error instanceof PdfFontMissingError)) throw error;
    console.error(`report v${version} of consultation ${params.consultationId}: ${error.message}`);
    return new Response(error.userMessage, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
}
