// The GET URLs of every export: /consultations/<id>/report.<ext> and /legislature/drafts/<id>/aggregate.<ext>.
// Who may download what is decided in report-access.server.ts; this builds the file and answers.
import type { Params } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { quoteForLog } from "~/utils/log.server";
import { requireAggregateSource, requireReportForDownload } from "./report-access.server";
import { aggregateReports } from "./aggregate";
import { aggregateFileResponse, reportFileResponse, type ExportFormat } from "./export-response.server";
import { PdfFontMissingError } from "./render-pdf";

async function answer(what: string, build: () => Promise<Response>): Promise<Response> {
  try {
    return await build();
  } catch (error) {
    if (error instanceof Response) {
      if (error.status === 409) console.warn(`${what}: 409 ${quoteForLog(await error.clone().text())}`);
      throw error;
    }
    if (error instanceof PdfFontMissingError) {
      console.error(`${what}: ${error.message}`);
      return new Response(error.userMessage, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    }
    throw error;
  }
}

export function reportDownload(format: ExportFormat, request: Request, params: Params): Promise<Response> {
  return answer(`report.${format} of consultation ${quoteForLog(params.consultationId)}`, async () => {
    const { report } = await requireReportForDownload(getPrisma(), request, params);
    return reportFileResponse(format, report.document, report.fileSha256);
  });
}

export function aggregateDownload(format: ExportFormat, request: Request, params: Params): Promise<Response> {
  return answer(`aggregate.${format} of draft ${quoteForLog(params.draftId)}`, async () => {
    const source = await requireAggregateSource(getPrisma(), request, params);
    const document = aggregateReports(source, new Date());
    return aggregateFileResponse(format, document);
  });
}
