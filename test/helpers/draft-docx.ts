// A draft regulation as a Word file, laid out the way a 法工委 sends one: the title centred, a （征求意见稿） line,
// centred chapter headings (第一章　总则), each article opening with a bold 第X条 run, items （一）（二） on their
// own lines. Written with the docx package, so the upload goes through the same reader as a real Word file.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";

export interface DocxArticle {
  /** 第一条 — written in bold, as drafting offices do. */
  label: string;
  text: string;
  items?: string[];
}

export interface DocxChapter {
  /** 第一章　总则 */
  heading: string;
  articles: DocxArticle[];
}

const FONT = { eastAsia: "Noto Serif CJK SC", ascii: "Times New Roman", hAnsi: "Times New Roman" };
const BODY_INDENT = { firstLine: 640 };

function centred(text: string, size: number, bold = false): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text, bold, size, font: FONT })] });
}

export async function draftDocx({ title, chapters }: { title: string; chapters: DocxChapter[] }): Promise<Buffer> {
  const paragraphs: Paragraph[] = [centred(title, 44, true), centred("（征求意见稿）", 32)];
  for (const chapter of chapters) {
    paragraphs.push(centred(chapter.heading, 32, true));
    for (const article of chapter.articles) {
      paragraphs.push(
        new Paragraph({
          indent: BODY_INDENT,
          children: [new TextRun({ text: article.label, bold: true, size: 32, font: FONT }), new TextRun({ text: `　${article.text}`, size: 32, font: FONT })],
        }),
      );
      for (const item of article.items ?? []) {
        paragraphs.push(new Paragraph({ indent: BODY_INDENT, children: [new TextRun({ text: item, size: 32, font: FONT })] }));
      }
    }
  }
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

/** A short draft in that layout; `gapAt` numbers one article wrongly (a deliberate parser warning to correct). */
export function sampleChapters({ gapAt }: { gapAt?: number } = {}): DocxChapter[] {
  const labels = ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条"];
  const label = (i: number) => (gapAt === i ? "第九条" : labels[i]);
  return [
    {
      heading: "第一章　总则",
      articles: [
        { label: label(0), text: "为了加强城市绿化管理，改善生态环境，提高人居环境质量，根据有关法律、行政法规，结合本市实际，制定本条例。" },
        { label: label(1), text: "本条例适用于本市城市规划区内绿化的规划、建设、保护和管理。" },
        {
          label: label(2),
          text: "市、区人民政府应当履行下列职责：",
          items: ["（一）将城市绿化纳入国民经济和社会发展规划；", "（二）保障城市绿化建设和养护经费；", "（三）组织开展全民义务植树活动。"],
        },
      ],
    },
    {
      heading: "第二章　规划与建设",
      articles: [
        { label: label(3), text: "城市绿地系统规划由市园林绿化主管部门会同规划资源部门编制，报市人民政府批准后实施。" },
        { label: label(4), text: "新建居住区的绿地率不得低于百分之三十；旧城区改建的，不得低于百分之二十五。" },
      ],
    },
    {
      heading: "第三章　附则",
      articles: [
        { label: label(5), text: "违反本条例规定的行为，法律、行政法规已有处罚规定的，从其规定。" },
        { label: label(6), text: "本条例自　　年　　月　　日起施行。" },
      ],
    },
  ];
}
