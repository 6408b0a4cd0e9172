// The forum's record as a Word file: title, the meeting's facts, the minutes, then the opinions by clause. Chinese text
// in 宋体 (SimSun, which Word users have; LibreOffice substitutes Noto Serif CJK SC), body indented two characters.
import { AlignmentType, Document, Packer, Paragraph, TextRun, type IRunOptions } from "docx";
import type { ForumRecord } from "./forum-record";
import type { MinutesBlock, TextRun as MinutesRun } from "./minutes-blocks";

const FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "SimSun", cs: "Times New Roman" };
const HEADING_FONT = { ...FONT, eastAsia: "SimHei" };
/** Half-points: 小四 body, 三号 headings, 二号 title. */
const BODY_SIZE = 24;
const HEADING_SIZE = 32;
const TITLE_SIZE = 44;
const TWO_CHARACTERS = 480;

/** Runs of one line of text, a newline inside becoming a line break. */
function runs(text: string, options: Omit<IRunOptions, "text" | "children"> = {}): TextRun[] {
  return text.split("\n").map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, font: FONT, size: BODY_SIZE, ...options }));
}

function heading(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 360, after: 160 }, children: [new TextRun({ text, bold: true, size: HEADING_SIZE, font: HEADING_FONT })] });
}

function labelled(label: string, value: string, indent = true): Paragraph {
  return new Paragraph({
    indent: indent ? { firstLine: TWO_CHARACTERS } : undefined,
    spacing: { after: 80 },
    children: [new TextRun({ text: `${label}：`, bold: true, font: FONT, size: BODY_SIZE }), ...runs(value)],
  });
}

function minutesRuns(list: MinutesRun[], bold = false): TextRun[] {
  return list.flatMap((run) => runs(run.text, { bold: bold || run.bold, italics: run.italic }));
}

function minutesParagraph(block: MinutesBlock): Paragraph {
  switch (block.kind) {
    case "heading":
      return new Paragraph({ spacing: { before: 200, after: 100 }, children: minutesRuns(block.runs, true) });
    case "bullet":
    case "ordered": {
      const marker = block.kind === "ordered" ? `${block.number ?? 1}. ` : "• ";
      return new Paragraph({
        indent: { left: TWO_CHARACTERS * (block.level + 1), hanging: 240 },
        spacing: { after: 60 },
        children: [new TextRun({ text: marker, font: FONT, size: BODY_SIZE }), ...minutesRuns(block.runs)],
      });
    }
    case "quote":
      return new Paragraph({ indent: { left: TWO_CHARACTERS * 2 }, spacing: { after: 80 }, children: minutesRuns(block.runs) });
    default:
      return new Paragraph({ indent: { firstLine: TWO_CHARACTERS, left: block.level ? TWO_CHARACTERS * block.level : undefined }, spacing: { after: 80 }, children: minutesRuns(block.runs) });
  }
}

export async function forumRecordDocx(record: ForumRecord): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 320 }, children: [new TextRun({ text: record.title, bold: true, size: TITLE_SIZE, font: HEADING_FONT })] }),
    ...record.facts.map(([label, value]) => labelled(label, value, false)),
    heading("一、座谈会记录"),
  ];
  if (record.minutes.length === 0) children.push(new Paragraph({ children: runs("（无记录）") }));
  else children.push(...record.minutes.map(minutesParagraph));

  children.push(heading(`二、意见建议（${record.cardCount} 条）`));
  if (record.groups.length === 0) children.push(new Paragraph({ children: runs("（无意见卡片）") }));
  for (const group of record.groups) {
    children.push(new Paragraph({ spacing: { before: 240, after: 80 }, children: [new TextRun({ text: group.citation, bold: true, size: 28, font: HEADING_FONT })] }));
    if (group.clauseText) {
      children.push(new Paragraph({ indent: { firstLine: TWO_CHARACTERS }, spacing: { after: 120 }, children: runs(`草案原文：${group.clauseText}`, { color: "555555" }) }));
    }
    for (const card of group.cards) {
      children.push(labelled(`（${card.no}）发言人`, card.speaker));
      children.push(labelled("意见", card.opinion));
      if (card.suggestedText) children.push(labelled("建议修改为", card.suggestedText));
      if (card.reason) children.push(labelled("理由", card.reason));
    }
  }

  const document = new Document({
    creator: "立法意见征集平台",
    title: record.title,
    // zh-CN tells Word and LibreOffice to lay the text out as Chinese and to pick a Chinese font where SimSun is missing.
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE, language: { value: "zh-CN", eastAsia: "zh-CN" } } } } },
    sections: [{ properties: { page: { margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(document);
}
