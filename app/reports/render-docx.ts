// The report as a Word file (docx library): a portrait cover (who, what, when, how many, summary), then the
// 意见建议汇总表 on landscape pages — 序号 / 条款 / 草案原文 / 修改意见（建议修改为） / 理由 / 提出人（来源） — with the
// suggested wording as real tracked changes against the original (Word's 审阅 shows them; accept or reject each).
// Chinese in 宋体 (SimSun: what Word users have; LibreOffice substitutes a CJK serif such as Noto Serif CJK SC).
import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  Footer,
  InsertedTextRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from "docx";
import { TABLE_COLUMNS, clusterNote, reasonsText, sourcesText, type ExportRow, type ExportTable } from "./export-table";
import type { RedlineSegment } from "./report-document";

const FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "SimSun", cs: "Times New Roman" };
const HEADING_FONT = { ...FONT, eastAsia: "SimHei" };
/** Half-points: 二号 title, 三号 headings, 四号 cover, 五号 table text. */
const TITLE_SIZE = 44;
const HEADING_SIZE = 32;
const COVER_SIZE = 28;
const TABLE_SIZE = 21;
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1247;
/** Widths (twips) of the six columns on landscape A4 within the margins (16838 − 2 × 1247 = 14344). */
const COLUMN_WIDTHS = [700, 1650, 3500, 3900, 2194, 2400];
const INSERT_COLOR = "1F6F3F";
/** The cover tables' label column (twips): wide enough for 内容校验值（SHA-256） on one line. */
const COVER_LABEL_WIDTH = 3300;
const CELL_MARGINS = { top: 60, bottom: 60, left: 90, right: 90 };
const DELETE_COLOR = "B42318";

type RunStyle = Omit<IRunOptions, "text" | "children" | "break">;

/**
 * A text as runs, each line after the first starting with a line break. Font and size come from the document's
 * default style unless asked for: a table of thousands of rows stays small and quick to write.
 */
function textRuns(text: string, style: RunStyle = {}, size?: number): TextRun[] {
  return text.split("\n").map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, size, ...style }));
}

function para(children: ParagraphChild[], options: { after?: number; indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph {
  return new Paragraph({ children, spacing: { after: options.after ?? 60, line: 300 }, alignment: options.align, indent: options.indent ? { firstLine: 420 } : undefined });
}

/** Word tracked changes: each inserted or deleted piece is a revision by the report's author at its compile time. */
class Revisions {
  private next = 1;
  constructor(
    private readonly author: string,
    private readonly date: string,
  ) {}

  runs(segments: RedlineSegment[]): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const segment of segments) {
      segment.text.split("\n").forEach((line, i) => {
        const base = { text: line, break: i > 0 ? 1 : undefined };
        if (segment.op === "equal") out.push(new TextRun(base));
        else if (segment.op === "insert") out.push(new InsertedTextRun({ ...base, color: INSERT_COLOR, underline: {}, id: this.next++, author: this.author, date: this.date }));
        else out.push(new DeletedTextRun({ ...base, color: DELETE_COLOR, strike: true, id: this.next++, author: this.author, date: this.date }));
      });
    }
    return out;
  }
}

function cell(children: Paragraph[], width: number, options: { rowSpan?: number; header?: boolean } = {}): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [para([])],
    width: { size: width, type: WidthType.DXA },
    rowSpan: options.rowSpan,
    verticalAlign: options.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    shading: options.header ? { type: ShadingType.CLEAR, fill: "E8E8E8", color: "auto" } : undefined,
  });
}

function opinionParagraphs(row: ExportRow, revisions: Revisions): Paragraph[] {
  const out = [para([new TextRun({ text: `【${row.kindLabel}】`, bold: true }), ...textRuns(row.opinion)])];
  if (row.anchorQuote) out.push(para(textRuns(`（针对“${row.anchorQuote}”）`, { color: "555555" })));
  if (row.redline && row.redline.length > 0) {
    out.push(para([new TextRun({ text: row.suggestedText !== null ? "建议修改为：" : "建议删除：", bold: true })], { after: 20 }));
    out.push(para(revisions.runs(row.redline)));
  } else if (row.suggestedText) {
    out.push(para([new TextRun({ text: "建议修改为：", bold: true }), ...textRuns(row.suggestedText)]));
  }
  const note = clusterNote(row);
  if (note) out.push(para(textRuns(note, { color: "555555" })));
  return out;
}

function headerRow(): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: TABLE_COLUMNS.map((title, i) =>
      cell([para([new TextRun({ text: title, bold: true, font: HEADING_FONT, size: TABLE_SIZE })], { align: AlignmentType.CENTER, after: 0 })], COLUMN_WIDTHS[i], { header: true }),
    ),
  });
}

function bodyRows(table: ExportTable, revisions: Revisions): TableRow[] {
  const rows: TableRow[] = [];
  for (const group of table.groups) {
    group.rows.forEach((row, index) => {
      const cells: TableCell[] = [cell([para(textRuns(String(row.no)), { align: AlignmentType.CENTER })], COLUMN_WIDTHS[0])];
      // The clause and its text once per clause, spanning its suggestions.
      if (index === 0) {
        const span = group.rows.length > 1 ? group.rows.length : undefined;
        cells.push(cell([para(textRuns(group.citation, { bold: true }))], COLUMN_WIDTHS[1], { rowSpan: span }));
        cells.push(cell([para(textRuns(group.originalText ?? "—"))], COLUMN_WIDTHS[2], { rowSpan: span }));
      }
      cells.push(
        cell(opinionParagraphs(row, revisions), COLUMN_WIDTHS[3]),
        cell([para(textRuns(reasonsText(row) || "—"))], COLUMN_WIDTHS[4]),
        cell([para(textRuns(sourcesText(row)))], COLUMN_WIDTHS[5]),
      );
      rows.push(new TableRow({ children: cells }));
    });
  }
  return rows;
}

function coverTable(lines: Array<[string, string]>, widths: [number, number]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: "999999" };
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    margins: CELL_MARGINS,
    rows: lines.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell([para([new TextRun({ text: label, bold: true, font: FONT, size: 24 })], { after: 0 })], widths[0], { header: true }),
            cell([para(textRuns(value, {}, 24), { after: 0 })], widths[1]),
          ],
        }),
    ),
  });
}

/** 《…》 and what follows it as separate lines. */
export function titleLines(title: string): string[] {
  const end = title.lastIndexOf("》");
  return end > 0 && end < title.length - 1 ? [title.slice(0, end + 1), title.slice(end + 1)] : [title];
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ["第 ", PageNumber.CURRENT, " 页，共 ", PageNumber.TOTAL_PAGES, " 页"], font: FONT, size: 18 })],
      }),
    ],
  });
}

export async function renderDocx(table: ExportTable): Promise<Uint8Array> {
  const revisions = new Revisions(table.changeAuthor, table.generatedAt);
  const coverWidth = A4.width - 2 * MARGIN;
  const cover: Array<Paragraph | Table> = [
    // 《草案名》 on one line and 意见建议汇总表 on the next, rather than wherever the line happens to wrap.
    ...titleLines(table.title).map(
      (line, i, all) =>
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: i === 0 ? 600 : 0, after: i === all.length - 1 ? 200 : 0 }, children: [new TextRun({ text: line, bold: true, size: TITLE_SIZE, font: HEADING_FONT })] }),
    ),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 480 }, children: textRuns(table.subtitle, {}, HEADING_SIZE) }),
    coverTable(table.cover, [COVER_LABEL_WIDTH, coverWidth - COVER_LABEL_WIDTH]),
    new Paragraph({ spacing: { before: 360, after: 120 }, children: [new TextRun({ text: "意见来源", bold: true, size: COVER_SIZE, font: HEADING_FONT })] }),
    coverTable(table.bySource.length > 0 ? table.bySource.map(([label, n]) => [label, `${n} 条`]) : [["—", "0 条"]], [COVER_LABEL_WIDTH, coverWidth - COVER_LABEL_WIDTH]),
    new Paragraph({ spacing: { before: 360, after: 120 }, children: [new TextRun({ text: "概述", bold: true, size: COVER_SIZE, font: HEADING_FONT })] }),
    para(textRuns(table.summary, {}, COVER_SIZE), { indent: true }),
  ];
  const rows = bodyRows(table, revisions);
  const body: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: "意见建议汇总表", bold: true, size: HEADING_SIZE, font: HEADING_FONT })] }),
    rows.length > 0
      ? new Table({ width: { size: COLUMN_WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: COLUMN_WIDTHS, margins: CELL_MARGINS, rows: [headerRow(), ...rows] })
      : para(textRuns("（未收到意见建议）", {}, 24), { align: AlignmentType.CENTER }),
  ];
  if (table.groups.some((g) => g.rows.some((r) => r.redline))) {
    body.push(para(textRuns("注：建议修改的文字以修订（审阅）方式标出：删除的文字加删除线，增加的文字加下划线。", { color: "555555" }, 18), { after: 0 }));
  }
  const document = new Document({
    creator: "立法意见征集平台",
    title: table.title,
    description: table.summary,
    // Simplified Chinese: Word and LibreOffice pick Chinese (not Japanese) glyph forms and fallback fonts.
    styles: { default: { document: { run: { font: FONT, size: TABLE_SIZE, language: { value: "zh-CN", eastAsia: "zh-CN" } } } } },
    sections: [
      { properties: { page: { size: A4, margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } }, footers: { default: footer() }, children: cover },
      {
        properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: { default: footer() },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
