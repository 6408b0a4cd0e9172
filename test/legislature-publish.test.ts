// The committee's publishing flow over HTTP against the built web app: create a draft (upload or paste), preview and
// save corrections, publish to contact points, add a second version and show its 修改对照表 — and every refusal:
// bad uploads store nothing, other legislatures get 404, other roles 403, past deadlines and unconfirmed warnings 400.
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { startPlatform, type RunningPlatform } from "./helpers/platform";
import { get, login, postForm } from "./helpers/http";
import { draftDocx, sampleChapters } from "./helpers/draft-docx";
import { waitFor } from "./helpers/wait";
import { loadDemoData } from "../seeds/load-demo-data";
import { dateValue } from "~/utils/deadline-date";

const DAY_MS = 86_400_000;
const inDays = (days: number) => dateValue(new Date(Date.now() + days * DAY_MS));
const TEXT_V1 = [
  "某市古树名木保护条例（草案）",
  "第一章　总则",
  "第一条　为了加强古树名木保护，制定本条例。",
  "第二条　本市行政区域内古树名木的保护管理，适用本条例。",
  "第二章　保护措施",
  "第三条　禁止下列行为：",
  "（一）刻划、钉钉；",
  "（二）剥损树皮。",
  "第四条　本条例自公布之日起施行。",
].join("\n");
const TEXT_V2 = TEXT_V1.replace("（二）剥损树皮。", "（二）剥损树皮、掘根；\n（三）在树冠垂直投影范围内堆放物料。").replace(
  "第二条　本市行政区域内古树名木的保护管理，适用本条例。",
  "第二条　本市行政区域内古树名木及古树后续资源的保护管理，适用本条例。",
);

let db: TestDatabase;
let platform: RunningPlatform;
const cookies: Record<string, string> = {};
const contactPoints: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.prisma);
  for (const cp of await db.prisma.contactPoint.findMany()) contactPoints[cp.name] = cp.id;
  platform = await startPlatform(db.url, ["web"]);
  for (const username of ["fagongwei", "fagongwei_cz", "qianzhou", "daibiao", "xinxiyuan", "luoshe", "anyangshan"]) {
    const result = await login(platform.webUrl, username);
    expect(result.status, `login ${username}`).toBe(302);
    cookies[username] = result.cookie!;
  }
}, 60_000);

afterAll(async () => {
  await platform?.stop();
  await db?.drop();
});

/** A multipart form post, as the browser sends the upload form. */
async function postMultipart(path: string, fields: Record<string, string>, file: { name: string; bytes: Uint8Array } | null, cookie = cookies.fagongwei) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)]), file.name);
  return fetch(`${platform.webUrl}${path}`, { method: "POST", body: form, headers: { Cookie: cookie, Origin: platform.webUrl }, redirect: "manual" });
}

async function rowCounts() {
  const [drafts, versions, clauses, consultations] = await Promise.all([
    db.prisma.draft.count(),
    db.prisma.draftVersion.count(),
    db.prisma.clause.count(),
    db.prisma.consultation.count(),
  ]);
  return { drafts, versions, clauses, consultations };
}

/** Creates a draft from pasted text; returns the ids from the redirect to its preview page. */
async function createDraft(title: string, text = TEXT_V1, extra: Record<string, string> = {}) {
  const response = await postMultipart("/legislature/drafts/new", { title, label: "征求意见稿", deadline: inDays(30), text, ...extra }, null);
  expect(response.status, await response.clone().text()).toBe(302);
  const match = /^\/legislature\/drafts\/([^/]+)\/versions\/([^/]+)\/edit$/.exec(response.headers.get("location") ?? "");
  expect(match).not.toBeNull();
  return { draftId: match![1], versionId: match![2] };
}

async function publish(draftId: string, versionId: string, chosen: Record<string, string>, extra: Record<string, string> = {}) {
  const body = new URLSearchParams(extra);
  for (const [name, deadline] of Object.entries(chosen)) {
    body.append("contactPointId", contactPoints[name]);
    body.append(`deadline_${contactPoints[name]}`, deadline);
  }
  return fetch(`${platform.webUrl}/legislature/drafts/${draftId}/versions/${versionId}/publish`, {
    method: "POST",
    body,
    headers: { Cookie: cookies.fagongwei, Origin: platform.webUrl },
    redirect: "manual",
  });
}

describe("creating, correcting and publishing a draft", () => {
  it("imports a Word file laid out like a real draft, shows the parser's warning at its line, saves the correction and publishes to two contact points", async () => {
    const before = await rowCounts();
    const docx = await draftDocx({ title: "某市城市绿化条例（草案）", chapters: sampleChapters({ gapAt: 6 }) });
    const explanation = JSON.stringify({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 1, onclick: "alert(1)" }, content: [{ type: "text", text: "起草背景" }] },
        { type: "paragraph", content: [{ type: "text", text: "<script>alert(1)</script>", marks: [{ type: "bold" }, { type: "link", attrs: { href: "javascript:alert(1)" } }] }] },
        { type: "image", attrs: { src: "https://evil.example/x.png" } },
      ],
    });
    const created = await postMultipart(
      "/legislature/drafts/new",
      { title: "某市城市绿化条例（草案）", label: "征求意见稿", deadline: inDays(30), explanation },
      { name: "绿化条例.docx", bytes: new Uint8Array(docx) },
    );
    expect(created.status, await created.clone().text()).toBe(302);
    const [, draftId, versionId] = /^\/legislature\/drafts\/([^/]+)\/versions\/([^/]+)\/edit$/.exec(created.headers.get("location")!)!;

    const stored = await db.prisma.draft.findUniqueOrThrow({ where: { id: draftId }, include: { versions: { include: { _count: { select: { clauses: true } } } } } });
    expect(stored.status).toBe("drafting");
    expect(stored.explanation).toEqual({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "起草背景" }] },
        { type: "paragraph", content: [{ type: "text", text: "<script>alert(1)</script>", marks: [{ type: "bold" }] }] },
      ],
    });
    expect(stored.versions).toHaveLength(1);
    expect(stored.versions[0]).toMatchObject({ versionNo: 1, label: "征求意见稿", sourceFormat: "docx", publishedAt: null });
    expect(stored.versions[0]._count.clauses).toBeGreaterThan(10);
    expect(await rowCounts()).toMatchObject({ drafts: before.drafts + 1, versions: before.versions + 1, consultations: before.consultations });

    // The preview shows the warning where it is, in Chinese.
    const preview = await get(platform.webUrl, `/legislature/drafts/${draftId}/versions/${versionId}/edit`, cookies.fagongwei);
    expect(preview.status).toBe(200);
    const previewHtml = await preview.text();
    const warningLine = stored.versions[0].sourceText.split("\n").findIndex((l) => l.startsWith("第九条")) + 1;
    expect(previewHtml).toContain(`第 ${warningLine} 行`);
    expect(previewHtml).toContain("第九条紧接在第六条之后，中间缺少条文编号。");

    // Publishing with the warning unconfirmed is refused; nothing is published.
    const unconfirmed = await publish(draftId, versionId, { 惠山区前洲街道人大工委: inDays(20) });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("已检查，确认发布");
    expect(await db.prisma.consultation.count({ where: { draftVersionId: versionId } })).toBe(0);

    // The committee corrects the number in the textarea (browsers post CRLF) and saves.
    const corrected = stored.versions[0].sourceText.replace("第九条", "第七条").replace(/\n/g, "\r\n");
    const saved = await postForm(platform.webUrl, `/legislature/drafts/${draftId}/versions/${versionId}/edit`, { intent: "save", label: "征求意见稿", sourceText: corrected }, { cookie: cookies.fagongwei });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/legislature/drafts/${draftId}/versions/${versionId}/edit?saved=1`);
    const version = await db.prisma.draftVersion.findUniqueOrThrow({ where: { id: versionId }, include: { clauses: { where: { kind: "article" }, orderBy: { position: "asc" } } } });
    expect(version.sourceText).not.toContain("\r");
    expect(version.sourceText).toContain("第七条　本条例自");
    expect(version.clauses.map((c) => c.citation)).toEqual(["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条"]);
    expect(version.publishedAt).toBeNull();

    const published = await publish(draftId, versionId, { 惠山区前洲街道人大工委: inDays(20), 洛社镇人大: inDays(45) });
    expect(published.status, await published.clone().text()).toBe(302);
    expect(published.headers.get("location")).toBe(`/legislature/drafts/${draftId}?version=${versionId}&published=1`);

    const consultations = await db.prisma.consultation.findMany({ where: { draftVersionId: versionId }, include: { contactPoint: true } });
    expect(consultations.map((c) => [c.contactPoint.name, dateValue(c.deadline)]).sort()).toEqual([
      ["惠山区前洲街道人大工委", inDays(20)],
      ["洛社镇人大", inDays(45)],
    ]);
    for (const c of consultations) {
      expect(c.publicToken).toMatch(/^[A-Za-z0-9_-]{22,}$/);
      expect(c.status).toBe("open");
    }
    expect(new Set(consultations.map((c) => c.publicToken)).size).toBe(2);
    expect((await db.prisma.draft.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("consulting");
    expect((await db.prisma.draftVersion.findUniqueOrThrow({ where: { id: versionId } })).publishedAt).not.toBeNull();
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "draft.published", entityId: versionId } });
    expect(audit.detail).toMatchObject({ draftId, versionNo: 1, consultations: expect.arrayContaining([expect.objectContaining({ contactPointId: contactPoints["洛社镇人大"] })]) });

    // The draft page renders the explanation as text (never as HTML) and the published text.
    const page = await get(platform.webUrl, `/legislature/drafts/${draftId}`, cookies.fagongwei);
    const html = await page.text();
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("evil.example");
    expect(html).toContain(`/consultations/${consultations[0].id}`);
    expect(html).toContain("第三章");

    // A published version can be neither saved nor published again.
    const resave = await postForm(platform.webUrl, `/legislature/drafts/${draftId}/versions/${versionId}/edit`, { intent: "save", label: "征求意见稿", sourceText: corrected }, { cookie: cookies.fagongwei });
    expect(resave.status).toBe(409);
    expect((await publish(draftId, versionId, { 阳山镇安阳山村: inDays(20) })).status).toBe(409);
    expect(await db.prisma.consultation.count({ where: { draftVersionId: versionId } })).toBe(2);
  });

  it("creates a draft from pasted text without JavaScript's editor (the explanation's textarea)", async () => {
    const { draftId } = await createDraft("某市古树名木保护条例（草案）", TEXT_V1, { explanationText: "第一段说明。\n\n第二段说明。" });
    const draft = await db.prisma.draft.findUniqueOrThrow({ where: { id: draftId } });
    expect(draft.explanation).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "第一段说明。" }] },
        { type: "paragraph", content: [{ type: "text", text: "第二段说明。" }] },
      ],
    });
    expect(dateValue(draft.deadline!)).toBe(inDays(30));
  });

  it("refuses a second draft of the same title", async () => {
    await createDraft("某市养犬管理条例（草案）");
    const before = await rowCounts();
    const again = await postMultipart("/legislature/drafts/new", { title: "某市养犬管理条例（草案）", label: "征求意见稿", deadline: inDays(30), text: TEXT_V1 }, null);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("已有同名的法规草案");
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses the first publication without any contact point, a contact point another legislature designated, and a past deadline", async () => {
    const { draftId, versionId } = await createDraft("某市停车管理条例（草案）");
    const before = await rowCounts();
    const none = await publish(draftId, versionId, {});
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("请至少选择一个联系点");
    // 钟楼区 is a contact point of 常州 and 江苏省, not of 无锡.
    const foreign = await publish(draftId, versionId, { 惠山区前洲街道人大工委: inDays(20), 钟楼区人大常委会: inDays(20) });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain("不是本委员会确定的基层立法联系点");
    for (const deadline of [inDays(-1), inDays(0), "2026-02-30", "明天"]) {
      const late = await publish(draftId, versionId, { 惠山区前洲街道人大工委: deadline });
      expect(late.status, deadline).toBe(400);
    }
    expect(await rowCounts()).toEqual(before);
    expect((await db.prisma.draftVersion.findUniqueOrThrow({ where: { id: versionId } })).publishedAt).toBeNull();
  });
});

describe("bad input stores nothing", () => {
  const corruptZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]);
  const cases: Array<[string, Record<string, string>, { name: string; bytes: Uint8Array } | null, number, string]> = [
    ["a corrupt .docx", {}, { name: "草案.docx", bytes: corruptZip }, 400, "Word 文件已损坏"],
    ["a .docx that is not a zip", {}, { name: "草案.docx", bytes: new TextEncoder().encode("第一条　不是 Word 文件") }, 400, "Word 文件已损坏"],
    ["an empty file", {}, { name: "草案.txt", bytes: new Uint8Array() }, 400, "文件内容为空"],
    ["a file of blanks", {}, { name: "草案.txt", bytes: new TextEncoder().encode(" \n\u3000\n") }, 400, "文件内容为空"],
    ["a binary file named .txt", {}, { name: "草案.txt", bytes: new Uint8Array(2000).map((_, i) => i % 32) }, 400, "无法识别为文本"],
    ["a PDF", {}, { name: "草案.pdf", bytes: new TextEncoder().encode("%PDF-1.4") }, 400, "仅支持 .txt、.md、.docx"],
    ["a text without articles", { text: "关于加强城市绿化工作的通知\n各区人民政府：\n现就有关事项通知如下。" }, null, 400, "没有识别出任何条文"],
    ["neither file nor text", { text: "   " }, null, 400, "请上传草案文件"],
    ["a file over 10 MB", {}, { name: "草案.txt", bytes: new Uint8Array(10 * 1024 * 1024 + 10).fill(0x41) }, 413, "文件过大"],
    ["a deadline in the past", { text: TEXT_V1, deadline: inDays(-3) }, null, 400, "截止日期必须晚于今天"],
    ["no title", { text: TEXT_V1, title: "  " }, null, 400, "请填写草案名称"],
    ["an unreadable explanation", { text: TEXT_V1, explanation: "{not json" }, null, 400, "起草说明无法读取"],
  ];

  it.each(cases)("answers %s with a Chinese message and stores nothing", async (_, fields, file, status, message) => {
    const before = await rowCounts();
    const logLines = platform.logs.length;
    const response = await postMultipart("/legislature/drafts/new", { title: `某市测试条例（草案）${Math.random()}`, label: "征求意见稿", deadline: inDays(30), ...fields }, file);
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(message);
    expect(await rowCounts()).toEqual(before);
    // One English line for the operator, saying why.
    await waitFor(() => platform.logs.slice(logLines).some((line) => /legislature: new draft by user \S+ refused \(\d+\)/.test(line)), { what: "a refusal log line" });
  });

  it("keeps the stored text when a correction has no articles left", async () => {
    const { draftId, versionId } = await createDraft("某市燃气管理条例（草案）");
    const before = await rowCounts();
    const response = await postForm(platform.webUrl, `/legislature/drafts/${draftId}/versions/${versionId}/edit`, { intent: "save", label: "征求意见稿", sourceText: "全部删掉了" }, { cookie: cookies.fagongwei });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("没有识别出任何条文");
    expect(await rowCounts()).toEqual(before);
    expect((await db.prisma.draftVersion.findUniqueOrThrow({ where: { id: versionId } })).sourceText).toBe(TEXT_V1);
  });
});

describe("who may do what", () => {
  let draftId: string;
  let versionId: string;
  const pages = () => [
    `/legislature/drafts/${draftId}`,
    `/legislature/drafts/${draftId}/compare`,
    `/legislature/drafts/${draftId}/versions/new`,
    `/legislature/drafts/${draftId}/versions/${versionId}/edit`,
    `/legislature/drafts/${draftId}/versions/${versionId}/publish`,
  ];

  beforeAll(async () => {
    ({ draftId, versionId } = await createDraft("某市物业管理条例（草案）"));
  });

  it("gives another legislature 404 on every page and every action of the draft, and changes nothing", async () => {
    for (const path of pages()) expect((await get(platform.webUrl, path, cookies.fagongwei_cz)).status, path).toBe(404);
    const before = await rowCounts();
    const posts: Array<[string, Record<string, string>]> = [
      [`/legislature/drafts/${draftId}/versions/${versionId}/edit`, { intent: "save", label: "改了", sourceText: TEXT_V2 }],
      [`/legislature/drafts/${draftId}/versions/${versionId}/publish`, { contactPointId: contactPoints["钟楼区人大常委会"], [`deadline_${contactPoints["钟楼区人大常委会"]}`]: inDays(20) }],
      [`/legislature/drafts/${draftId}/versions/new`, { label: "二审稿", text: TEXT_V2 }],
    ];
    for (const [path, form] of posts) {
      expect((await postForm(platform.webUrl, path, form, { cookie: cookies.fagongwei_cz })).status, path).toBe(404);
      expect((await postMultipart(path, form, null, cookies.fagongwei_cz)).status, path).toBe(404);
    }
    expect(await rowCounts()).toEqual(before);
    expect((await db.prisma.draftVersion.findUniqueOrThrow({ where: { id: versionId } })).sourceText).toBe(TEXT_V1);
  });

  it("gives a malformed or unknown id 404", async () => {
    for (const path of [`/legislature/drafts/${draftId}x`, `/legislature/drafts/${draftId}/versions/${versionId}x/edit`, `/legislature/drafts/%E2%80%AE/compare`, `/legislature/drafts/${draftId}/compare?from=${"x".repeat(5000)}`]) {
      expect((await get(platform.webUrl, path, cookies.fagongwei)).status, path).toBe(404);
    }
  });

  it("gives staff, deputies and collectors 403 on the committee's pages and actions", async () => {
    for (const username of ["qianzhou", "daibiao", "xinxiyuan"]) {
      for (const path of ["/legislature", "/legislature/drafts/new", ...pages()]) {
        expect((await get(platform.webUrl, path, cookies[username])).status, `${username} ${path}`).toBe(403);
      }
    }
    const before = await rowCounts();
    expect((await postMultipart("/legislature/drafts/new", { title: "越权", label: "征求意见稿", deadline: inDays(30), text: TEXT_V1 }, null, cookies.qianzhou)).status).toBe(403);
    expect((await postForm(platform.webUrl, `/legislature/drafts/${draftId}/versions/${versionId}/publish`, { contactPointId: contactPoints["惠山区前洲街道人大工委"] }, { cookie: cookies.qianzhou })).status).toBe(403);
    expect(await rowCounts()).toEqual(before);
  });

  it("sends anonymous visitors to the login page", async () => {
    const response = await get(platform.webUrl, "/legislature/drafts/new");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Flegislature%2Fdrafts%2Fnew");
  });
});

describe("a second version and its 修改对照表", () => {
  let draftId: string;
  let v1: string;
  let v2: string;
  let qianzhouV1: string;

  beforeAll(async () => {
    ({ draftId, versionId: v1 } = await createDraft("某市河道管理条例（草案）"));
    expect((await publish(draftId, v1, { 惠山区前洲街道人大工委: inDays(20), 洛社镇人大: inDays(20) })).status).toBe(302);
    qianzhouV1 = (await db.prisma.consultation.findFirstOrThrow({ where: { draftVersionId: v1, contactPointId: contactPoints["惠山区前洲街道人大工委"] } })).id;
  });

  it("shows 尚无新版本 while the draft has a single version", async () => {
    for (const [path, cookie] of [[`/consultations/${qianzhouV1}/comparison`, cookies.qianzhou], [`/legislature/drafts/${draftId}/compare`, cookies.fagongwei]]) {
      const response = await get(platform.webUrl, path, cookie);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain("尚无新版本");
    }
  });

  it("adds 二审稿 unpublished, refuses a second unpublished version, and keeps it from the contact points until published", async () => {
    const response = await postMultipart(`/legislature/drafts/${draftId}/versions/new`, { label: "二审稿", deadline: inDays(40), text: TEXT_V2 }, null);
    expect(response.status, await response.clone().text()).toBe(302);
    v2 = /versions\/([^/]+)\/edit$/.exec(response.headers.get("location")!)![1];
    expect(await db.prisma.draftVersion.findUniqueOrThrow({ where: { id: v2 } })).toMatchObject({ versionNo: 2, label: "二审稿", publishedAt: null });
    expect(dateValue((await db.prisma.draft.findUniqueOrThrow({ where: { id: draftId } })).deadline!)).toBe(inDays(40));

    const before = await rowCounts();
    const another = await postMultipart(`/legislature/drafts/${draftId}/versions/new`, { label: "三审稿", text: TEXT_V2 }, null);
    expect(another.status).toBe(409);
    expect(await another.text()).toContain("尚未发布的版本");
    expect(await rowCounts()).toEqual(before);

    // The committee may compare with the unpublished version; contact points may not see it.
    const committee = await get(platform.webUrl, `/legislature/drafts/${draftId}/compare?from=${v1}&to=${v2}`, cookies.fagongwei);
    expect(committee.status).toBe(200);
    expect(await committee.text()).toContain("<ins>及古树后续资源</ins>");
    const early = await get(platform.webUrl, `/consultations/${qianzhouV1}/comparison`, cookies.qianzhou);
    expect(await early.text()).toContain("尚无新版本");
    expect((await get(platform.webUrl, `/consultations/${qianzhouV1}/comparison?from=${v1}&to=${v2}`, cookies.qianzhou)).status).toBe(404);
  });

  it("publishes 二审稿 without consulting again, and shows the 修改对照表 to every user of every consulted contact point", async () => {
    expect((await publish(draftId, v2, {})).status).toBe(302);
    expect(await db.prisma.consultation.count({ where: { draftVersionId: v2 } })).toBe(0);
    const luosheV1 = (await db.prisma.consultation.findFirstOrThrow({ where: { draftVersionId: v1, contactPointId: contactPoints["洛社镇人大"] } })).id;
    for (const [username, consultationId] of [["qianzhou", qianzhouV1], ["daibiao", qianzhouV1], ["xinxiyuan", qianzhouV1], ["luoshe", luosheV1]]) {
      const response = await get(platform.webUrl, `/consultations/${consultationId}/comparison`, cookies[username]);
      expect(response.status, username).toBe(200);
      const html = await response.text();
      expect(html).toContain("<ins>及古树后续资源</ins>");
      expect(html).toContain("<ins>、掘根；");
      expect(html).toContain("新增");
      // Rows link to the article in the contact point's own consultation of the old version.
      expect(html).toContain(`/consultations/${consultationId}#${encodeURIComponent("第二条")}`);
    }
  });

  it("gives a contact point not consulted on the draft, and other contact points' ids, 404", async () => {
    // 安阳山村 was not consulted on this draft; 洛社 was, but only through its own consultation.
    expect((await get(platform.webUrl, `/consultations/${qianzhouV1}/comparison`, cookies.anyangshan)).status).toBe(404);
    expect((await get(platform.webUrl, `/consultations/${qianzhouV1}/comparison`, cookies.luoshe)).status).toBe(404);
    expect((await get(platform.webUrl, `/consultations/${qianzhouV1}/comparison`, cookies.fagongwei_cz)).status).toBe(404);
    expect((await get(platform.webUrl, `/consultations/${qianzhouV1}/comparison?to=nope`, cookies.qianzhou)).status).toBe(404);
  });

  it("publishes a third version to consult 前洲 again with a new deadline", async () => {
    const response = await postMultipart(`/legislature/drafts/${draftId}/versions/new`, { label: "修改稿", text: `${TEXT_V2}\n第五条　新增一条。` }, null);
    expect(response.status).toBe(302);
    const v3 = /versions\/([^/]+)\/edit$/.exec(response.headers.get("location")!)![1];
    expect((await publish(draftId, v3, { 惠山区前洲街道人大工委: inDays(15) })).status).toBe(302);
    const consultation = await db.prisma.consultation.findFirstOrThrow({ where: { draftVersionId: v3 } });
    expect(dateValue(consultation.deadline)).toBe(inDays(15));
    const html = await (await get(platform.webUrl, `/consultations/${consultation.id}/comparison`, cookies.daibiao)).text();
    expect(html).toContain("二审稿");
    expect(html).toContain("修改稿");
    expect(html).toContain("<ins>新增一条。</ins>");
  });
});
