// The report as PDF (pdfmake, on pdfkit): the same cover and table as the Word file, the Chinese font EMBEDDED
// (subset) so that it prints and reads the same everywhere. The font is a file on the server (REPORT_PDF_FONT,
// default Debian's fonts-noto-cjk Noto Serif CJK); of a collection (.ttc) the Simplified Chinese face is used.
// Red-lines: deletions struck through in red, insertions underlined in green.
import fs from "node:fs";
import * as fontkit from "fontkit";
import pdfmake from "pdfmake";
import { getEnv } from "~/utils/env.server";
import type { RedlineSegment } from "./report-document";
import { TABLE_COLUMNS, clusterNote, reasonsText, sourcesText, type ExportRow, type ExportTable } from "./export-table";

export class PdfFontMissingError extends Error {
  readonly userMessage: string;
  constructor(readonly path: string) {
    super(`PDF export: CJK font file not found at ${JSON.stringify(path)} (set REPORT_PDF_FONT, or install fonts-noto-cjk)`);
    this.userMessage = `服务器上没有找到用于生成 PDF 的中文字体文件（${path}），暂时无法导出 PDF。请管理员安装 fonts-noto-cjk 字体包（Debian/Ubuntu：apt-get install fonts-noto-cjk），或把 REPORT_PDF_FONT 设为一个中文字体文件（.ttf、.otf 或 .ttc）的路径。Word、Excel 等其他格式不受影响。`;
  }
}

type FontFile = string | [string, string];
const faces = new Map<string, FontFile>();

/** The font file as pdfmake takes it: a path, or [path, PostScript name] of the Simplified Chinese face of a collection. */
function fontFile(path: string): FontFile {
  const known = faces.get(path);
  if (known) return known;
  if (!fs.existsSync(path)) throw new PdfFontMissingError(path);
  let file: FontFile = path;
  if (/\.(ttc|otc)$/i.test(path)) {
    const font = fontkit.openSync(path);
    if ("fonts" in font) {
      const names = font.fonts.map((f) => f.postscriptName);
      const chosen = names.find((n) => /cjksc|[-_ ]sc\b|sc-|hans|gb/i.test(n)) ?? names[0];
      file = [path, chosen];
    }
  }
  faces.set(path, file);
  return file;
}

function configureFonts(): void {
  const env = getEnv();
  const normal = fontFile(env.REPORT_PDF_FONT);
  const bold = fs.existsSync(env.REPORT_PDF_BOLD_FONT) ? fontFile(env.REPORT_PDF_BOLD_FONT) : normal;
  pdfmake.setFonts({ CJK: { normal, bold, italics: normal, bolditalics: bold } });
  const allowed = new Set([typeof normal === "string" ? normal : normal[0], typeof bold === "string" ? bold : bold[0]]);
  // The document is built from stored text only: no URL is fetched and no other file is read.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
}

const GREY = "#555555";

function redlineInlines(segments: RedlineSegment[]) {
  return segments.map((s) =>
    s.op === "insert"
      ? { text: s.text, decoration: "underline", color: "#1F6F3F" }
      : s.op === "delete"
        ? { text: s.text, decoration: "lineThrough", color: "#B42318" }
        : { text: s.text },
  );
}

function opinionCell(row: ExportRow) {
  const stack: unknown[] = [{ text: [{ text: `【${row.kindLabel}】`, bold: true }, row.opinion] }];
  if (row.anchorQuote) stack.push({ text: `（针对“${row.anchorQuote}”）`, color: GREY });
  if (row.redline && row.redline.length > 0) {
    stack.push({ text: row.suggestedText !== null ? "建议修改为：" : "建议删除：", bold: true, margin: [0, 3, 0, 0] });
    stack.push({ text: redlineInlines(row.redline) });
  } else if (row.suggestedText) {
    stack.push({ text: [{ text: "建议修改为：", bold: true }, row.suggestedText], margin: [0, 3, 0, 0] });
  }
  const note = clusterNote(row);
  if (note) stack.push({ text: note, color: GREY });
  return { stack };
}

function bodyRows(table: ExportTable): unknown[][] {
  const rows: unknown[][] = [TABLE_COLUMNS.map((title) => ({ text: title, bold: true, alignment: "center", fillColor: "#E8E8E8" }))];
  for (const group of table.groups) {
    group.rows.forEach((row, index) => {
      rows.push([
        { text: String(row.no), alignment: "center" },
        // Repeated clause cells say 同上, as Chinese tables do: rows may break across pages, spans may not.
        index === 0 ? { text: group.citation, bold: true } : { text: `${group.citation}（续）`, color: GREY },
        index === 0 ? { text: group.originalText ?? "—" } : { text: "（同上）", color: GREY },
        opinionCell(row),
        { text: reasonsText(row) || "—" },
        { text: sourcesText(row) },
      ]);
    });
  }
  return rows;
}

function twoColumns(lines: Array<[string, string]>) {
  return {
    table: { widths: [130, "*"], body: lines.map(([label, value]) => [{ text: label, bold: true, fillColor: "#F2F2F2" }, { text: value }]) },
    layout: { hLineColor: () => "#999999", vLineColor: () => "#999999", paddingTop: () => 4, paddingBottom: () => 4 },
    fontSize: 11,
  };
}

export async function renderPdf(table: ExportTable): Promise<Uint8Array> {
  configureFonts();
  const content: unknown[] = [
    { text: table.title, fontSize: 20, bold: true, alignment: "center", margin: [0, 40, 0, 8] },
    { text: table.subtitle, fontSize: 14, alignment: "center", margin: [0, 0, 0, 24] },
    twoColumns(table.cover),
    { text: "意见来源", fontSize: 13, bold: true, margin: [0, 18, 0, 6] },
    twoColumns(table.bySource.length > 0 ? table.bySource.map(([label, n]) => [label, `${n} 条`]) : [["—", "0 条"]]),
    { text: "概述", fontSize: 13, bold: true, margin: [0, 18, 0, 6] },
    { text: table.summary, fontSize: 12, leadingIndent: 24 },
    { text: "意见建议汇总表", fontSize: 16, bold: true, alignment: "center", margin: [0, 0, 0, 10], pageBreak: "before", pageOrientation: "landscape" },
  ];
  if (table.groups.length === 0) content.push({ text: "（未收到意见建议）", alignment: "center" });
  else {
    content.push({
      table: { headerRows: 1, widths: [26, 68, "*", "*", 110, 130], body: bodyRows(table) },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => "#888888", vLineColor: () => "#888888", paddingTop: () => 3, paddingBottom: () => 3 },
      fontSize: 9.5,
    });
    content.push({ text: "注：建议修改的文字中，删除的文字加删除线（红色），增加的文字加下划线（绿色）。", fontSize: 8, color: GREY, margin: [0, 6, 0, 0] });
  }
  const definition = {
    // pdfkit would stamp the current time: the compile time makes the file the same for the same report.
    info: { title: table.title, author: table.subtitle, creator: "立法意见征集平台", producer: "立法意见征集平台", creationDate: new Date(table.generatedAt) },
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: [40, 40, 40, 44],
    defaultStyle: { font: "CJK", fontSize: 10.5, lineHeight: 1.2 },
    footer: (current: number, total: number) => ({ text: `第 ${current} 页，共 ${total} 页`, alignment: "center", fontSize: 8, color: GREY, margin: [0, 14, 0, 0] }),
    content,
  };
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer);
}
