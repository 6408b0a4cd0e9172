// The report as an Excel workbook (exceljs): sheet 意见建议汇总表 with one row per suggestion (clause and original text
// repeated on every row so the sheet can be filtered and sorted; the suggested wording in rich text, deletions struck
// through in red and insertions underlined in green), and sheet 封面与统计 with the cover and the counts.
import ExcelJS from "exceljs";
import type { RedlineSegment } from "./report-document";
import { clusterNote, reasonsText, sourcesText, type ExportTable } from "./export-table";

const FONT_NAME = "SimSun";
const INSERT = { argb: "FF1F6F3F" };
const DELETE = { argb: "FFB42318" };

function redlineRichText(segments: RedlineSegment[]): ExcelJS.RichText[] {
  return segments.map((s) => ({
    text: s.text,
    font:
      s.op === "insert"
        ? { name: FONT_NAME, size: 10.5, underline: true, color: INSERT }
        : s.op === "delete"
          ? { name: FONT_NAME, size: 10.5, strike: true, color: DELETE }
          : { name: FONT_NAME, size: 10.5 },
  }));
}

export async function renderXlsx(table: ExportTable): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "立法意见征集平台";
  workbook.title = table.title;
  workbook.created = new Date(table.generatedAt);
  workbook.modified = new Date(table.generatedAt);

  const sheet = workbook.addWorksheet("意见建议汇总表", { views: [{ state: "frozen", ySplit: 1 }], pageSetup: { orientation: "landscape", paperSize: 9, fitToWidth: 1, fitToHeight: 0 } });
  const columns: Array<{ header: string; key: string; width: number }> = [
    { header: "序号", key: "no", width: 6 },
    { header: "条款", key: "citation", width: 14 },
    { header: "草案原文", key: "original", width: 48 },
    { header: "意见类型", key: "kind", width: 10 },
    { header: "修改意见", key: "opinion", width: 40 },
    { header: "建议修改为（修订标记）", key: "redline", width: 48 },
    { header: "理由", key: "reasons", width: 30 },
    { header: "提出人（来源）", key: "sources", width: 32 },
    { header: "提出人数", key: "supporters", width: 9 },
  ];
  if (table.aggregate) columns.push({ header: "联系点", key: "contactPoints", width: 24 }, { header: "相近意见组", key: "cluster", width: 10 });
  sheet.columns = columns;

  for (const group of table.groups) {
    for (const row of group.rows) {
      const opinion = [row.opinion, row.anchorQuote ? `（针对“${row.anchorQuote}”）` : null, clusterNote(row)].filter(Boolean).join("\n");
      const added = sheet.addRow({
        no: row.no,
        citation: group.citation,
        original: group.originalText ?? "—",
        kind: row.kindLabel,
        opinion,
        redline: row.redline && row.redline.length > 0 ? { richText: redlineRichText(row.redline) } : row.suggestedText ?? "",
        reasons: reasonsText(row),
        sources: sourcesText(row),
        supporters: row.supporters,
        contactPoints: row.contactPoints?.join("\n"),
        cluster: row.cluster ?? undefined,
      });
      added.alignment = { vertical: "top", wrapText: true };
      added.font = { name: FONT_NAME, size: 10.5 };
    }
  }
  const header = sheet.getRow(1);
  header.font = { name: FONT_NAME, bold: true, size: 11 };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.eachCell((c) => (c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8E8E8" } }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  const cover = workbook.addWorksheet("封面与统计");
  cover.columns = [
    { key: "label", width: 24 },
    { key: "value", width: 90 },
  ];
  const title = cover.addRow({ label: table.title });
  title.font = { name: FONT_NAME, bold: true, size: 14 };
  cover.addRow({ label: table.subtitle });
  cover.addRow({});
  for (const [label, value] of table.cover) cover.addRow({ label, value });
  cover.addRow({});
  cover.addRow({ label: "概述", value: table.summary });
  cover.addRow({});
  cover.addRow({ label: "意见来源", value: "条数" }).font = { name: FONT_NAME, bold: true };
  for (const [label, n] of table.bySource) cover.addRow({ label, value: n });
  cover.addRow({});
  cover.addRow({ label: "各章意见", value: "条数" }).font = { name: FONT_NAME, bold: true };
  for (const [label, n] of table.byChapter) cover.addRow({ label, value: n });
  cover.eachRow((row) => {
    row.alignment = { vertical: "top", wrapText: true, horizontal: "left" };
    if (!row.font?.bold) row.font = { name: FONT_NAME, size: 11 };
  });
  cover.getColumn("label").font = { name: FONT_NAME, bold: true, size: 11 };

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
