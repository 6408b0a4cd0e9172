// Run by report.bench.ts in a process of its own (so its peak RSS is the work's alone): compiles the report of each
// of the draft's consultations from the database (grouping: merged, identical after normalising, similarity
// proposals; red-lines; sources), merges them into the committee's aggregate, then writes the DOCX of 5 000
// suggestions. Prints one JSON line with the figures.
import { createPrismaClient } from "../../app/utils/db.server";
import { loadReportInput } from "../../app/reports/report-input.server";
import { compileReport, type ReportInput } from "../../app/reports/compile";
import { reportSha256 } from "../../app/reports/report-hash";
import { proposeGroups } from "../../app/reports/similarity";
import { aggregateReports, type SubmittedReport } from "../../app/reports/aggregate";
import { aggregateTable, type ExportTable } from "../../app/reports/export-table";
import { renderDocx } from "../../app/reports/render-docx";
import { anchorTexts } from "../../app/components/annotate/clause-texts";

const DOCX_SUGGESTIONS = 5000;

/** The first `count` suggestions of a table. */
function firstSuggestions(table: ExportTable, count: number): ExportTable {
  let left = count;
  const groups = [];
  for (const group of table.groups) {
    if (left <= 0) break;
    const rows = group.rows.slice(0, left);
    left -= rows.length;
    groups.push({ ...group, rows });
  }
  return { ...table, groups };
}

async function main() {
  const draftId = process.argv[2];
  const prisma = createPrismaClient(process.env.DATABASE_URL!);
  const draft = await prisma.draft.findUniqueOrThrow({ where: { id: draftId }, select: { id: true, title: true, legislature: { select: { id: true, name: true } } } });
  const version = await prisma.draftVersion.findFirstOrThrow({ where: { draftId }, select: { id: true, label: true, versionNo: true } });
  const consultations = await prisma.consultation.findMany({ where: { draftVersionId: version.id }, select: { id: true, contactPoint: { select: { id: true, name: true } } }, orderBy: { id: "asc" } });

  const started = performance.now();
  const reports: SubmittedReport[] = [];
  let comments = 0;
  let proposals = 0;
  // The next consultation is read from the database while this one is compiled.
  let next: Promise<ReportInput | null> = loadReportInput(prisma, { consultationId: consultations[0].id, reportVersion: 1 });
  for (let k = 0; k < consultations.length; k++) {
    const input = (await next)!;
    if (k + 1 < consultations.length) next = loadReportInput(prisma, { consultationId: consultations[k + 1].id, reportVersion: 1 });
    const generatedAt = new Date();
    proposals += proposeGroups(input.comments, { originalTexts: anchorTexts(input.clauses) }).length;
    const document = compileReport(input, generatedAt);
    comments += document.counts.comments;
    reports.push({
      consultationId: consultations[k].id,
      contactPoint: consultations[k].contactPoint,
      reportVersion: 1,
      fileSha256: reportSha256(document),
      status: "submitted",
      submittedAt: generatedAt,
      document,
    });
    // Reports are stored as JSON: the aggregate is made from what was stored.
    reports[k].document = JSON.parse(JSON.stringify(document));
  }
  const clauseOrder = (await prisma.clause.findMany({ where: { draftVersionId: version.id }, orderBy: { position: "asc" }, select: { id: true } })).map((c) => c.id);
  const aggregate = aggregateReports({ legislature: draft.legislature, draft: { id: draft.id, title: draft.title }, version, clauseOrder, reports, notSubmitted: [] }, new Date());
  const aggregateSeconds = (performance.now() - started) / 1000;
  const rssMb = process.resourceUsage().maxRSS / 1024;

  const table = firstSuggestions(aggregateTable(aggregate), DOCX_SUGGESTIONS);
  const rows = table.groups.reduce((n, g) => n + g.rows.length, 0);
  const docxStarted = performance.now();
  const docx = await renderDocx(table);
  const docxSeconds = (performance.now() - docxStarted) / 1000;

  await prisma.$disconnect();
  console.log(
    JSON.stringify({
      aggregateSeconds,
      rssMb,
      comments,
      reports: reports.length,
      proposals,
      aggregateSuggestions: aggregate.counts.suggestions,
      aggregateClauses: aggregate.counts.clauses,
      docxSeconds,
      docxSuggestions: rows,
      docxBytes: docx.length,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
