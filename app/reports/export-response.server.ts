// One report (or the aggregate) as a downloadable file in the format the URL asked for.
import type { AggregateDocument, ReportDocument } from "./report-document";
import { aggregateTable, reportTable, type ExportTable } from "./export-table";
import { renderDocx } from "./render-docx";
import { renderXlsx } from "./render-xlsx";
import { renderCsv } from "./render-csv";
import { renderPdf } from "./render-pdf";

export const EXPORT_FORMATS = ["json", "docx", "xlsx", "pdf", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: "application/json; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
};

async function renderTable(format: Exclude<ExportFormat, "json">, table: ExportTable): Promise<Uint8Array> {
  switch (format) {
    case "docx":
      return renderDocx(table);
    case "xlsx":
      return renderXlsx(table);
    case "csv":
      return renderCsv(table);
    case "pdf":
      return renderPdf(table);
  }
}

function fileResponse(format: ExportFormat, body: Uint8Array, stem: string, asciiStem: string, sha256: string | null): Response {
  const headers = new Headers({
    "Content-Type": CONTENT_TYPES[format],
    "Content-Disposition": `${format === "json" ? "inline" : "attachment"}; filename="${asciiStem}.${format}"; filename*=UTF-8''${encodeURIComponent(`${stem}.${format}`)}`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  });
  // The SHA-256 of the report's canonical content (app/reports/report-hash.ts), the same for every format.
  if (sha256) headers.set("X-Report-SHA256", sha256);
  return new Response(body as Uint8Array<ArrayBuffer>, { headers });
}

export async function reportFileResponse(format: ExportFormat, doc: ReportDocument, sha256: string | null): Promise<Response> {
  const table = reportTable(doc, sha256);
  const body = format === "json" ? new TextEncoder().encode(`${JSON.stringify(doc, null, 2)}\n`) : await renderTable(format, table);
  return fileResponse(format, body, table.fileStem, `feedback-report-v${doc.reportVersion}`, sha256);
}

export async function aggregateFileResponse(format: ExportFormat, doc: AggregateDocument): Promise<Response> {
  const table = aggregateTable(doc);
  const body = format === "json" ? new TextEncoder().encode(`${JSON.stringify(doc, null, 2)}\n`) : await renderTable(format, table);
  return fileResponse(format, body, table.fileStem, `feedback-aggregate-v${doc.version.versionNo}`, null);
}
