// The 修改对照表 as a Word file, laid out as drafting offices print it: A4 landscape, a table of the old text, the
// new text (deletions struck through in the old column, insertions underlined in the new), 说明, and for the
// committee how many suggestions each article received. Chinese in 宋体 (SimSun, which Word users have; LibreOffice
// substitutes Noto Serif CJK SC), headings in 黑体; the header row repeats on every page.
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from "docx";
import type { ComparisonRowView } from "~/components/legislature/comparison-view";
import { countForLabel } from "~/components/adoption/suggestion-count";

const FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "SimSun", cs: "Times New Roman" };
const HEADING_FONT = { ...FONT, eastAsia: "SimHei" };
/** A4 landscape less 2 cm margins, in twentieths of a point: the table's full width. */
const PAGE_MARGIN = 1134;
const TEXT_WIDTH = 16838 - 2 * PAGE_MARGIN;
/** Half-points: 五号 in the table, 小三 title. */
const CELL_SIZE = 21;
const TITLE_SIZE = 30;
const HEADING_KINDS = new Set(["part", "subpart", "chapter", "section", "supplementary"]);

export interface ComparisonDocxInput {
  title: string;
  fromLabel: string;
  toLabel: string;
  rows: ComparisonRowView[];
  /** Suggestions received per article of the old version; the column is left out without it. */
  suggestionCounts?: Record<string, number>;
}

function run(text: string, options: Omit<IRunOptions, "text" | "children"> = {}): TextRun[] {
  return text.split("\n").map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, font: FONT, size: CELL_SIZE, ...options }));
}

/** One side of a row: its label in bold, then the text with that side's own changes marked. */
function sideParagraph(row: ComparisonRowView, side: "old" | "new"): Paragraph {
  const content = row[side];
  if (!content) return new Paragraph({ children: run(side === "old" ? "（新增）" : "（删除）", { color: "666666" }) });
  const own = side === "old" ? "delete" : "insert";
  const other = side === "old" ? "insert" : "delete";
  const heading = HEADING_KINDS.has(row.kind);
  const children = [
    ...run(content.label, { bold: true, font: heading ? HEADING_FONT : FONT }),
    ...run(heading ? "　" : " "),
    ...row.segments
      .filter((s) => s.op !== other)
      .flatMap((s) => (s.op === own ? run(s.text, side === "old" ? { strike: true, color: "B3261E" } : { underline: {}, bold: true, color: "1F5FA8" }) : run(s.text))),
  ];
  return new Paragraph({ spacing: { after: 40 }, children });
}

/** `width`: percent of the table. */
function cell(children: Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    width: { size: Math.round((TEXT_WIDTH * width) / 100), type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    shading: header ? { fill: "EEEEEE" } : undefined,
    children,
  });
}

function textCell(text: string, width: number, header = false): TableCell {
  return cell([new Paragraph({ alignment: header ? AlignmentType.CENTER : undefined, children: run(text, header ? { bold: true, font: HEADING_FONT } : {}) })], width, header);
}

export async function comparisonDocx({ title, fromLabel, toLabel, rows, suggestionCounts }: ComparisonDocxInput): Promise<Buffer> {
  const counted = suggestionCounts !== undefined;
  const widths = counted ? [38, 38, 14, 10] : [42, 42, 16];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      textCell(fromLabel, widths[0], true),
      textCell(toLabel, widths[1], true),
      textCell("说明", widths[2], true),
      ...(counted ? [textCell("收到意见", widths[3], true)] : []),
    ],
  });
  const body = rows.map(
    (row) =>
      new TableRow({
        children: [
          cell([sideParagraph(row, "old")], widths[0]),
          cell([sideParagraph(row, "new")], widths[1]),
          textCell(row.note || "未修改", widths[2]),
          ...(counted ? [textCell(HEADING_KINDS.has(row.kind) || !row.old ? "" : `${countForLabel(suggestionCounts, row.old.label)} 条`, widths[3])] : []),
        ],
      }),
  );
  const children = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: `《${title.replace(/^《|》$/g, "")}》修改对照表`, bold: true, size: TITLE_SIZE, font: HEADING_FONT })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: run(`${fromLabel}与${toLabel}对照（删除的文字加删除线，增加的文字加下划线）`, { color: "555555" }) }),
    rows.length === 0
      ? new Paragraph({ children: run("两个版本的条文没有变化。") })
      : new Table({
          width: { size: TEXT_WIDTH, type: WidthType.DXA },
          // Fixed column widths: Word honours the cells' widths, LibreOffice only the table grid.
          columnWidths: widths.map((w) => Math.round((TEXT_WIDTH * w) / 100)),
          layout: TableLayoutType.FIXED,
          rows: [header, ...body],
        }),
  ];
  const document = new Document({
    creator: "立法意见征集平台",
    title: `${title}修改对照表`,
    styles: { default: { document: { run: { font: FONT, size: CELL_SIZE } } } },
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN } } }, children }],
  });
  return Packer.toBuffer(document);
}
