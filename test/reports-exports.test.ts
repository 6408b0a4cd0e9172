// Every export through its GET URL on the real web process: who may download what (404 out of scope, 403 wrong role,
// 409 while nothing is compiled or submitted), each format read back (JSON; DOCX's XML and tracked changes, and its
// text through LibreOffice; XLSX with exceljs; PDF's embedded font and text; CSV's BOM and quoting), residents masked
// in every one of them, and the committee's aggregate across contact points.
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { startPlatform, type RunningPlatform } from "./helpers/platform";
import { get, login } from "./helpers/http";
import { loadDemoData } from "../seeds/load-demo-data";
import { addReportFixture, FORUM_RESIDENT, RESIDENT, type ReportFixture } from "./helpers/report-fixture";
import { submitComment } from "../app/commands/submit-comment.server";
import { loadReportInput } from "../app/reports/report-input.server";
import { compileReport } from "../app/reports/compile";
import { reportSha256 } from "../app/reports/report-hash";
import type { Prisma } from "../app/generated/prisma/client";
import type { AggregateDocument, ReportDocument } from "../app/reports/report-document";

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
const hasSoffice = has("soffice");
const hasPdftotext = has("pdftotext");

/** Residents' names and phones as given: none may appear in any export. */
const SECRETS = [RESIDENT.name, RESIDENT.phone, FORUM_RESIDENT.name, FORUM_RESIDENT.phone, "赵六", "13700001111", "钱七", "13611112222"];
const MASKED = ["张**（138****1234）", "李**（139****5432，退休教师，座谈会）", "赵**（137****1111）"];

let db: TestDatabase;
let web: RunningPlatform;
let fixture: ReportFixture;
let luosheConsultationId: string;
let anyangshanConsultationId: string;
const cookies: Record<string, string> = {};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lifa-report-"));

async function storeReport(consultationId: string, version: number, status: "compiled" | "submitted"): Promise<{ id: string; sha: string; doc: ReportDocument }> {
  const input = await loadReportInput(db.prisma, { consultationId, reportVersion: version });
  const doc = compileReport(input!, new Date());
  const sha = reportSha256(doc);
  const staff = await db.prisma.user.findFirstOrThrow({ where: { role: "staff", contactPointId: input!.contactPoint.id } });
  const row = await db.prisma.feedbackReport.create({
    data: {
      consultationId,
      version,
      status,
      content: doc as unknown as Prisma.InputJsonValue,
      fileSha256: sha,
      createdById: staff.id,
      compiledAt: new Date(),
      submittedAt: status === "submitted" ? new Date() : null,
      submittedById: status === "submitted" ? staff.id : null,
    },
  });
  return { id: row.id, sha, doc };
}

async function download(user: string | null, url: string): Promise<Response> {
  return get(web.webUrl, url, user ? cookies[user] : null);
}

async function bytes(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

function expectMasked(text: string) {
  for (const secret of SECRETS) expect(text, `contains ${secret}`).not.toContain(secret);
}

async function docxXml(file: Buffer): Promise<string> {
  return (await JSZip.loadAsync(file)).file("word/document.xml")!.async("string");
}

/** Runs a tool without blocking the event loop (a blocked loop lets the HTTP client reuse connections the server closed). */
const run = promisify(execFile);

async function pdfText(file: Buffer, name: string): Promise<string> {
  const at = path.join(tmp, name);
  fs.writeFileSync(at, file);
  // In reading order within each table cell; lines a cell wraps are joined again (no spaces in Chinese text).
  const { stdout } = await run("pdftotext", ["-raw", at, "-"], { encoding: "utf8" });
  return stdout.replace(/\s+/g, "");
}

/** An RFC 4180 reader, to check the CSV's quoting independently of the library that wrote it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.prisma);
  fixture = await addReportFixture(db.prisma);
  const luoshe = await db.prisma.consultation.findFirstOrThrow({ where: { contactPoint: { name: "洛社镇人大" } }, select: { id: true, draftVersionId: true, deadline: true, status: true } });
  luosheConsultationId = luoshe.id;
  anyangshanConsultationId = (await db.prisma.consultation.findFirstOrThrow({ where: { contactPoint: { name: "阳山镇安阳山村" } } })).id;
  const luosheDeputy = await db.prisma.user.findUniqueOrThrow({ where: { username: "luoshe_daibiao" } });
  const now = new Date(luoshe.deadline.getTime() - 5 * 86_400_000);
  // The same opinion as 前洲's on 第八条 (to be merged across contact points), and a resident of 洛社.
  await submitComment(db.prisma, { consultation: luoshe, announce: false, now, source: "deputy", authorId: luosheDeputy.id, citation: "第八条", kind: "amend", body: "建议明确制造单位提供技术资料的期限！" });
  await submitComment(db.prisma, { consultation: luoshe, announce: false, now, source: "public", citation: "第五条第二款", kind: "other", body: "希望住建部门多听取业主意见。", submitter: { name: "钱七", phone: "13611112222", consentAt: now } });

  web = await startPlatform(db.url, ["web"]);
  for (const user of ["qianzhou", "daibiao", "xinxiyuan", "luoshe", "fagongwei", "fagongwei_cz", "admin"]) {
    const { cookie } = await login(web.webUrl, user);
    cookies[user] = cookie!;
  }
}, 120_000);

afterAll(async () => {
  await web?.stop();
  await db?.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("the report's GET URLs", () => {
  it("answer 409 with a Chinese message while no report is compiled, and for the committee while none is submitted", async () => {
    const response = await download("qianzhou", `/consultations/${fixture.consultationId}/report.docx`);
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("尚未生成汇总报告");
    const aggregate = await download("fagongwei", `/legislature/drafts/${(await draftId())}/aggregate.json`);
    expect(aggregate.status).toBe(409);
    expect(await aggregate.text()).toContain("尚无联系点报送");
  });

  it("serve the latest compiled report to its contact point only; the committee gets the latest submitted one", async () => {
    const v1 = await storeReport(fixture.consultationId, 1, "compiled");
    const url = `/consultations/${fixture.consultationId}/report.json`;

    const anonymous = await download(null, url);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    expect((await download("xinxiyuan", url)).status).toBe(403);
    expect((await download("admin", url)).status).toBe(403);
    expect((await download("luoshe", url)).status).toBe(404);
    expect((await download("fagongwei_cz", url)).status).toBe(404);
    expect((await download("qianzhou", "/consultations/not-an-id!/report.json")).status).toBe(404);
    expect((await download("qianzhou", `/consultations/${luosheConsultationId}/report.json`)).status).toBe(404);
    const committee = await download("fagongwei", url);
    expect(committee.status).toBe(409);
    expect(await committee.text()).toContain("尚未报送");

    for (const user of ["qianzhou", "daibiao"]) {
      const response = await download(user, url);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(response.headers.get("x-report-sha256")).toBe(v1.sha);
      const doc = (await response.json()) as ReportDocument;
      expect(reportSha256(doc)).toBe(v1.sha);
      expect(doc.reportVersion).toBe(1);
    }

    await db.prisma.feedbackReport.update({ where: { id: v1.id }, data: { status: "submitted", submittedAt: new Date() } });
    const v2 = await storeReport(fixture.consultationId, 2, "compiled");
    expect(((await (await download("qianzhou", url)).json()) as ReportDocument).reportVersion).toBe(2);
    const submitted = await download("fagongwei", url);
    expect(submitted.status).toBe(200);
    expect(((await submitted.json()) as ReportDocument).reportVersion).toBe(1);
    expect(v2.sha).toBe(v1.sha);
  });

  it("JSON: the documented schema, residents masked", async () => {
    const response = await download("qianzhou", `/consultations/${fixture.consultationId}/report.json`);
    const text = await response.text();
    expectMasked(text);
    for (const masked of MASKED) expect(text).toContain(masked);
    const doc = JSON.parse(text) as ReportDocument;
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(["schema", "consultation", "contactPoint", "draft", "version", "generatedAt", "counts", "items", "period", "summary", "reportVersion"]));
    expect(Object.keys(doc.items[1].suggestions[0])).toEqual(expect.arrayContaining(["text", "suggestedText", "redline", "reasons", "sources", "supporters", "commentIds", "kind", "anchorQuote"]));
  });

  it("DOCX: cover and 汇总表, suggested wording as tracked changes, a CJK font named, residents masked", async () => {
    const response = await download("qianzhou", `/consultations/${fixture.consultationId}/report.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="feedback-report-v2\.docx"; filename\*=UTF-8''/);
    const file = await bytes(response);
    fs.writeFileSync(path.join(tmp, "report.docx"), file);
    const xml = await docxXml(file);
    expectMasked(xml);
    for (const masked of MASKED) expect(xml).toContain(masked);
    for (const heading of ["序号", "条款", "草案原文", "修改意见（建议修改为）", "理由", "提出人（来源）", "基层立法联系点", "征求意见期间", "意见来源", "概述"]) expect(xml).toContain(heading);
    // 十五年 → 十年 in 第三条第四项 as Word revisions.
    expect(xml).toMatch(/<w:del [^>]*w:author="惠山区前洲街道人大工委"[^>]*>.*?<w:delText[^>]*>十五年<\/w:delText>/s);
    expect(xml).toMatch(/<w:ins [^>]*w:author="惠山区前洲街道人大工委"[^>]*>.*?<w:t[^>]*>十年<\/w:t>/s);
    expect(xml).toContain('w:eastAsia="SimSun"');
  });

  it.skipIf(!hasSoffice || !hasPdftotext)("DOCX converted to PDF by LibreOffice reads back (needs libreoffice-writer-nogui and poppler-utils)", async () => {
    const docx = path.join(tmp, "report.docx");
    expect(fs.existsSync(docx)).toBe(true);
    const profile = path.join(tmp, "lo-profile");
    await run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", tmp, docx], { timeout: 120_000 });
    const text = await pdfText(fs.readFileSync(path.join(tmp, "report.pdf")), "lo.pdf");
    expect(text).toContain("意见建议汇总表");
    expect(text).toContain("第十二条第一款");
    expect(text).toContain("惠山区前洲街道人大工委");
    expect(text).toContain("138****1234");
    expectMasked(text);
    // The pages as images, to look at (test/e2e/artifacts/report-docx-page-N.png): pdftoppm ships with poppler-utils.
    const artifacts = path.join(import.meta.dirname, "e2e", "artifacts");
    fs.mkdirSync(artifacts, { recursive: true });
    await run("pdftoppm", ["-png", "-r", "80", "-l", "3", path.join(tmp, "report.pdf"), path.join(artifacts, "report-docx-page")], { timeout: 60_000 });
    expect(fs.readdirSync(artifacts).filter((f) => f.startsWith("report-docx-page")).length).toBeGreaterThan(0);
  }, 150_000);

  it("XLSX: read back with exceljs — one row per suggestion, red-lines in rich text, residents masked", async () => {
    const response = await download("daibiao", `/consultations/${fixture.consultationId}/report.xlsx`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(response)) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("意见建议汇总表")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "序号", "条款", "草案原文", "意见类型", "修改意见", "建议修改为（修订标记）", "理由", "提出人（来源）", "提出人数"]);
    expect(sheet.rowCount).toBe(1 + 9);
    const all: string[] = [];
    workbook.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => all.push(cell.text))));
    expectMasked(all.join("\n"));
    const a12 = sheet.getRows(2, 9)!.find((row) => row.getCell(2).text === "第十二条第一款")!;
    expect(a12.getCell(9).value).toBe(2);
    const rich = (a12.getCell(6).value as ExcelJS.CellRichTextValue).richText;
    expect(rich.find((r) => r.font?.strike)?.text).toBe("十五日");
    expect(rich.find((r) => r.font?.underline)?.text).toBe("十日");
    expect(workbook.getWorksheet("封面与统计")!.getCell("A1").text).toBe("《某市电梯安全管理条例（草案）》意见建议汇总表");
  });

  it.skipIf(!hasPdftotext)("PDF: the Chinese font embedded, the text reads back, residents masked (needs poppler-utils)", async () => {
    const response = await download("qianzhou", `/consultations/${fixture.consultationId}/report.pdf`);
    expect(response.status).toBe(200);
    const file = await bytes(response);
    expect(file.subarray(0, 5).toString()).toBe("%PDF-");
    fs.writeFileSync(path.join(tmp, "report-fonts.pdf"), file);
    const listed = (await run("pdffonts", [path.join(tmp, "report-fonts.pdf")], { encoding: "utf8" })).stdout;
    expect(listed).toMatch(/NotoSerifCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    const text = await pdfText(file, "report.pdf");
    expect(text).toContain("意见建议汇总表");
    expect(text).toContain("第十三条第五项第三目");
    expect(text).toContain("张**（138****1234）");
    expectMasked(text);
  });

  it("CSV: UTF-8 with BOM, CRLF records, RFC 4180 quoting, residents masked", async () => {
    const response = await download("qianzhou", `/consultations/${fixture.consultationId}/report.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const file = await bytes(response);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.subarray(3).toString("utf8");
    expectMasked(text);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(["序号", "条款", "草案原文", "意见类型", "修改意见", "建议修改为", "修订标记", "理由", "提出人（来源）", "提出人数"]);
    expect(rows).toHaveLength(1 + 9);
    for (const row of rows) expect(row).toHaveLength(10);
    const a8 = rows.find((r) => r[1] === "第八条")!;
    expect(a8[2]).toContain("\n电梯制造单位不得以技术保护为由");
    expect(a8[8]).toBe("代表 王代表\n代表 赵代表\n居民 张**（138****1234）\n（共 3 人提出）");
    expect(rows.find((r) => r[1] === "第三条第四项")![6]).toBe("老旧电梯，是指投入使用满[-十五年-]{+十年+}，或者经安全评估存在较大事故隐患的电梯。");
  });
});

async function draftId(): Promise<string> {
  return (await db.prisma.draft.findFirstOrThrow({ where: { title: "某市电梯安全管理条例（草案）" } })).id;
}

describe("the committee's aggregate", () => {
  it("merges the submitted reports clause by clause, naming the contact points, for the committee of the draft only", async () => {
    await storeReport(luosheConsultationId, 1, "submitted");
    const url = `/legislature/drafts/${await draftId()}/aggregate.json`;
    expect((await download("fagongwei_cz", url)).status).toBe(404);
    expect((await download("qianzhou", url)).status).toBe(403);
    expect((await download("fagongwei", "/legislature/drafts/%27or%201=1/aggregate.json")).status).toBe(404);

    const response = await download("fagongwei", url);
    expect(response.status).toBe(200);
    const text = await response.text();
    expectMasked(text);
    const doc = JSON.parse(text) as AggregateDocument;
    expect(doc.schema).toBe("lifa.feedback-aggregate/1");
    // In pinyin order of the contact points' names.
    expect(doc.reports.map((r) => [r.contactPoint.name, r.reportVersion])).toEqual([
      ["惠山区前洲街道人大工委", 1],
      ["洛社镇人大", 1],
    ]);
    expect(doc.notSubmitted.map((c) => c.name)).toEqual(["阳山镇安阳山村"]);
    expect(doc.items.map((i) => i.citation)).toEqual([
      "总体意见",
      "第二条第二款",
      "第三条第四项",
      "第五条第二款",
      "第八条",
      "第十条第一款第二项",
      "第十二条第一款",
      "第十三条第五项第三目",
    ]);
    const a8 = doc.items.find((i) => i.citation === "第八条")!;
    expect(a8.suggestions).toHaveLength(1);
    expect(a8.suggestions[0].contactPoints.sort()).toEqual(["惠山区前洲街道人大工委", "洛社镇人大"].sort());
    expect(a8.suggestions[0].supporters).toBe(4);
    expect(a8.suggestions[0].sources).toContain("洛社镇人大：代表 钱代表");
    expect(doc.items.find((i) => i.citation === "第五条第二款")!.suggestions[0].sources).toEqual(["洛社镇人大：居民 钱**（136****2222）"]);
    expect(doc.counts.comments).toBe(14);
    expect(doc.summary).toContain("3 个基层立法联系点中已有 2 个报送");
  });

  it("comes in every format, masked", async () => {
    const base = `/legislature/drafts/${await draftId()}/aggregate`;
    const docx = await download("fagongwei", `${base}.docx`);
    expect(docx.status).toBe(200);
    const xml = await docxXml(await bytes(docx));
    expectMasked(xml);
    expect(xml).toContain("洛社镇人大：居民 钱**（136****2222）");

    const xlsx = await download("fagongwei", `${base}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(xlsx)) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("意见建议汇总表")!;
    expect(sheet.getRow(1).getCell(10).text).toBe("联系点");
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
    expectMasked(cells.join("\n"));

    const csv = await download("fagongwei", `${base}.csv`);
    const csvText = (await bytes(csv)).subarray(3).toString("utf8");
    expectMasked(csvText);
    expect(parseCsv(csvText)[0].slice(-2)).toEqual(["联系点", "相近意见组"]);

    const pdf = await download("fagongwei", `${base}.pdf`);
    expect(pdf.status).toBe(200);
    const file = await bytes(pdf);
    expect(file.subarray(0, 5).toString()).toBe("%PDF-");
    if (hasPdftotext) expectMasked(await pdfText(file, "aggregate.pdf"));
  });

  it("a consultation of another contact point is not the committee's to download before it is submitted", async () => {
    const response = await download("fagongwei", `/consultations/${anyangshanConsultationId}/report.json`);
    expect(response.status).toBe(409);
  });
});
