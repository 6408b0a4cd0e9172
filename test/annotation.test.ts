// Annotating a consultation's draft over HTTP against the built web app: deputies, staff and collectors of the
// contact point comment; everyone else is refused; anchors are stored as the legal engine defines them; residents'
// data stays masked outside the contact point's staff; nothing is stored after the deadline or from bad input.
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { startPlatform, type RunningPlatform } from "./helpers/platform";
import { get, postForm } from "./helpers/http";
import { loadDemoData } from "../seeds/load-demo-data";
import { demoConsultationIds, loginDemoUsers } from "./helpers/demo-setup";

let db: TestDatabase;
let platform: RunningPlatform;
const cookies: Record<string, string> = {};
const ids = { qianzhou: "", luoshe: "", version: "" };
const USERS = ["admin", "fagongwei", "qianzhou", "daibiao", "daibiao2", "xinxiyuan", "luoshe", "luoshe_daibiao"];

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.prisma);
  Object.assign(ids, await demoConsultationIds(db.prisma));
  platform = await startPlatform(db.url, ["web"]);
  Object.assign(cookies, await loginDemoUsers(platform.webUrl, USERS));
}, 90_000);

afterAll(async () => {
  await platform?.stop();
  await db?.drop();
});

async function clause(citation: string) {
  return db.prisma.clause.findFirstOrThrow({ where: { draftVersionId: ids.version, citation }, orderBy: { position: "asc" } });
}

function annotate(username: string, form: Record<string, string>, consultationId = ids.qianzhou) {
  return postForm(platform.webUrl, `/consultations/${consultationId}`, { kind: "amend", ...form }, { cookie: cookies[username] });
}

/** What a person reads on the page: the HTML without scripts, tags and React's text separators. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** The page as served (`html`, everything the browser receives, loader data included) and as read (`text`). */
async function page(username: string, path = `/consultations/${ids.qianzhou}`) {
  const response = await get(platform.webUrl, path, cookies[username]);
  const html = await response.text();
  return { status: response.status, html, text: visibleText(html) };
}

async function answer(response: Response) {
  const html = await response.text();
  return { html, text: visibleText(html) };
}

const commentCount = () => db.prisma.comment.count();

describe("deputies and staff annotate", () => {
  it("stores a deputy's comment on selected words with the legal engine's anchor (stable key, quote with context, offsets)", async () => {
    const paragraph = await clause("第五条第二款");
    const start = paragraph.text.indexOf("建筑工程");
    expect(start).toBeGreaterThan(16);
    const suggested = paragraph.text.replace("建筑工程", "建筑主体工程");
    const response = await annotate("daibiao", {
      clauseId: paragraph.id,
      quote: "建筑工程",
      near: String(start),
      body: "建议明确衔接管理的范围。",
      suggestedText: suggested,
      reason: "表述更准确。",
    });
    expect(response.status).toBe(302);
    const comment = await db.prisma.comment.findFirstOrThrow({ where: { body: "建议明确衔接管理的范围。" }, include: { author: true } });
    expect(response.headers.get("location")).toBe(`/consultations/${ids.qianzhou}?saved=${comment.id}#comment-${comment.id}`);
    expect(comment).toMatchObject({ source: "deputy", kind: "amend", status: "active", clauseId: paragraph.id, suggestedText: suggested, reason: "表述更准确。", supporterCount: 1 });
    expect(comment.author?.username).toBe("daibiao");
    expect(comment.anchor).toEqual({
      clauseId: paragraph.stableKey,
      quote: { exact: "建筑工程", prefix: paragraph.text.slice(start - 16, start), suffix: paragraph.text.slice(start + 4, start + 20) },
      start,
      end: start + 4,
    });
    expect(paragraph.stableKey).toBe("a5-p2");
  });

  it("anchors a repeated quote at the occurrence the browser saw", async () => {
    const paragraph = await clause("第五条第一款");
    const first = paragraph.text.indexOf("监督管理工作");
    const second = paragraph.text.indexOf("监督管理工作", first + 1);
    expect(second).toBeGreaterThan(first);
    // As the page's script posts it (a fetcher asks for the action's data, not the page).
    const response = await postForm(
      platform.webUrl,
      `/consultations/${ids.qianzhou}?_data=${encodeURIComponent("routes/consultations.$consultationId")}`,
      { clauseId: paragraph.id, kind: "amend", quote: "监督管理工作", near: String(second - 1), body: "第二处“监督管理工作”的主体应写明。", js: "1" },
      { cookie: cookies.daibiao },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
    const comment = await db.prisma.comment.findFirstOrThrow({ where: { body: "第二处“监督管理工作”的主体应写明。" } });
    expect(comment.anchor).toMatchObject({ clauseId: "a5-p1", start: second, end: second + 6, quote: { exact: "监督管理工作" } });
  });

  it("stores a staff member's comment on a whole clause without an anchor, and an untouched pre-filled suggestion as none", async () => {
    const article = await clause("第十二条");
    const original = await db.prisma.clause.findFirstOrThrow({ where: { id: article.id } });
    const response = await annotate("qianzhou", {
      clauseId: article.id,
      channel: "own",
      kind: "principle",
      body: "维护保养的频次应与电梯使用年限挂钩。",
      suggestedText: original.text,
      prefillFor: article.id,
    });
    expect(response.status).toBe(302);
    const comment = await db.prisma.comment.findFirstOrThrow({ where: { body: "维护保养的频次应与电梯使用年限挂钩。" } });
    expect(comment).toMatchObject({ source: "staff", kind: "principle", clauseId: article.id, anchor: null, suggestedText: null });
  });

  it("stores a general comment (总体意见) without a clause", async () => {
    const response = await annotate("daibiao2", { clauseId: "general", kind: "principle", body: "建议增加既有住宅加装电梯的相关规定。" });
    expect(response.status).toBe(302);
    expect(await db.prisma.comment.findFirstOrThrow({ where: { body: "建议增加既有住宅加装电梯的相关规定。" } })).toMatchObject({ clauseId: null, source: "deputy" });
  });

  it("shows deputies and staff each other's comments under their names, highlighted in the text", async () => {
    const forStaff = await page("qianzhou");
    expect(forStaff.status).toBe(200);
    expect(forStaff.text).toContain("建议明确衔接管理的范围。");
    expect(forStaff.text).toContain("王代表（人大代表）");
    expect(forStaff.html).toMatch(/<mark class="anchor-highlight[^"]*" data-comment-id="[^"]+"[^>]*>建筑工程<\/mark>/);
    const forDeputy = await page("daibiao2");
    expect(forDeputy.text).toContain("维护保养的频次应与电梯使用年限挂钩。");
    expect(forDeputy.text).toContain("陈联络（联络员）");
  });

  it("never shows them to another contact point, nor lets it post (404), nor to the committee", async () => {
    for (const username of ["luoshe", "luoshe_daibiao"]) {
      expect((await page(username)).status).toBe(404);
      const before = await commentCount();
      const response = await annotate(username, { clauseId: "general", body: "不该存进去的意见。" });
      expect(response.status).toBe(404);
      expect(await commentCount()).toBe(before);
      const own = await page(username, `/consultations/${ids.luoshe}`);
      expect(own.status).toBe(200);
      expect(own.html).not.toContain("建议明确衔接管理的范围。");
      expect(own.html).not.toContain("王代表");
    }
    const committee = await page("fagongwei");
    expect(committee.status).toBe(200);
    expect(committee.html).not.toContain("建议明确衔接管理的范围。");
    expect(committee.text).toMatch(/共 \d+ 条意见/);
  });

  it("refuses comments from the committee and admins (403), storing nothing", async () => {
    const before = await commentCount();
    for (const username of ["fagongwei", "admin"]) {
      const response = await annotate(username, { clauseId: "general", body: "法工委不能在此提意见。" });
      expect(response.status).toBe(403);
    }
    expect(await commentCount()).toBe(before);
  });

  it("is refused from another site by the web server", async () => {
    const before = await commentCount();
    const response = await postForm(platform.webUrl, `/consultations/${ids.qianzhou}`, { clauseId: "general", kind: "other", body: "跨站提交。" }, { cookie: cookies.daibiao, origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(await commentCount()).toBe(before);
  });
});

describe("collectors and staff enter residents' opinions", () => {
  it("stores a collector's entry under its channel with the resident's data, masked for deputies and the collector, in full for staff", async () => {
    const item = await clause("第十二条第一款");
    const response = await annotate("xinxiyuan", {
      clauseId: item.id,
      channel: "phone",
      kind: "other",
      submitterName: "张三丰",
      submitterPhone: "138-1234-5678",
      consent: "on",
      body: "电话反映：维护保养后应在电梯内公示。",
    });
    expect(response.status).toBe(302);
    const comment = await db.prisma.comment.findFirstOrThrow({ where: { body: "电话反映：维护保养后应在电梯内公示。" }, include: { author: true } });
    expect(comment).toMatchObject({ source: "phone", submitterName: "张三丰", submitterPhone: "13812345678" });
    expect(comment.consentAt).not.toBeNull();
    expect(comment.author?.username).toBe("xinxiyuan");

    const staff = await page("qianzhou");
    expect(staff.text).toContain("群众 张三丰（13812345678）");
    expect(staff.text).toContain("李信息（信息员）录入");
    for (const username of ["daibiao", "xinxiyuan"]) {
      const { html, text } = await page(username);
      expect(text).toContain("群众 张**（138****5678）");
      expect(html).not.toContain("张三丰");
      expect(html).not.toContain("13812345678");
    }
  });

  it("refuses a resident's name without consent, a deputy entering for residents, and resident data on an own opinion (400, nothing stored)", async () => {
    const before = await commentCount();
    const noConsent = await annotate("xinxiyuan", { clauseId: "general", channel: "visit", submitterName: "李四", body: "走访意见。" });
    expect(noConsent.status).toBe(400);
    expect((await answer(noConsent)).text).toContain("请先阅读并勾选同意");
    const deputy = await annotate("daibiao", { clauseId: "general", channel: "phone", body: "代表代录。" });
    expect(deputy.status).toBe(400);
    expect((await answer(deputy)).text).toContain("人大代表只能提出本人意见");
    const own = await annotate("qianzhou", { clauseId: "general", channel: "own", submitterName: "王五", consent: "on", body: "本人意见。" });
    expect(own.status).toBe(400);
    expect((await answer(own)).text).toContain("本人意见无需填写群众姓名和电话");
    expect(await commentCount()).toBe(before);
  });
});

describe("bad input", () => {
  it.each([
    ["an empty opinion", { clauseId: "general", body: "   " }, "请填写意见内容"],
    ["an opinion over 5000 characters", { clauseId: "general", body: "长".repeat(5001) }, "意见内容不能超过 5000 字"],
    ["an unknown kind", { clauseId: "general", body: "类型不对。", kind: "rant" }, "请选择意见类型"],
    ["a clause of no version", { clauseId: "no-such-clause", body: "条款不存在。" }, "所选条款不存在"],
    ["a malformed clause id", { clauseId: "../../etc", body: "条款无效。" }, "条款无效"],
    ["a quote without a clause", { clauseId: "general", quote: "电梯", body: "没有条款的引文。" }, "所选文字须属于某一条款"],
    ["a negative position", { clauseId: "general", quote: "电梯", near: "-3", body: "位置无效。" }, "所选文字的位置无效"],
    ["control characters", { clauseId: "general", body: "意见\u0000内容" }, "意见内容含有无效字符"],
  ])("answers %s with 400 and a Chinese message, storing nothing", async (_, form, message) => {
    const before = await commentCount();
    const response = await annotate("daibiao", form as Record<string, string>);
    expect(response.status).toBe(400);
    expect((await answer(response)).text).toContain(message);
    expect(await commentCount()).toBe(before);
  });

  it("refuses a quote that is not in the clause (400), keeping the typed text in the form", async () => {
    const paragraph = await clause("第五条第二款");
    const before = await commentCount();
    const response = await annotate("daibiao", { clauseId: paragraph.id, quote: "这几个字不在条文里", near: "0", body: "引文对不上时保留我的意见。" });
    expect(response.status).toBe(400);
    const { text, html } = await answer(response);
    expect(text).toContain("所选文字不在该条款中");
    expect(html).toMatch(/<textarea name="body"[^>]*>引文对不上时保留我的意见。<\/textarea>/);
    expect(await commentCount()).toBe(before);
  });
});

describe("after the deadline", () => {
  it("refuses new comments with 409, keeps the typed text, stores nothing; staff still see the page", async () => {
    await db.prisma.consultation.update({ where: { id: ids.qianzhou }, data: { deadline: new Date(Date.now() - 60_000) } });
    try {
      const before = await commentCount();
      const response = await annotate("daibiao", { clauseId: "general", body: "截止后才写完的意见，不能丢。" });
      expect(response.status).toBe(409);
      const { text, html } = await answer(response);
      expect(text).toContain("本次征求意见已截止");
      expect(html).toMatch(/<textarea name="body"[^>]*>截止后才写完的意见，不能丢。<\/textarea>/);
      const collector = await annotate("xinxiyuan", { clauseId: "general", channel: "letter", body: "截止后的来信。" });
      expect(collector.status).toBe(409);
      expect(await commentCount()).toBe(before);
      const staff = await page("qianzhou");
      expect(staff.status).toBe(200);
      expect(staff.text).toContain("不再接收新的意见");
      expect(staff.text).not.toContain("批注本条");
    } finally {
      await db.prisma.consultation.update({ where: { id: ids.qianzhou }, data: { deadline: new Date(Date.now() + 30 * 86_400_000) } });
    }
  });
});

describe("the consultation page", () => {
  it("shows the deadline, days left and the counts per source", async () => {
    const { html, text } = await page("qianzhou");
    expect(text).toMatch(/意见截止：\d{4}年\d+月\d+日\s*还剩 \d+ 天/);
    expect(text).toContain("已收到意见 5 条：人大代表 3 · 联络员 1 · 电话 1");
    expect(html).toContain(`/consultations/${ids.qianzhou}/qr.png`);
    expect(html).toContain(`/consultations/${ids.qianzhou}/comments`);
  });

  it("links the 修改对照表 once the draft has a newer published version", async () => {
    expect((await page("daibiao")).text).not.toContain("查看修改对照表");
    const { draftId } = await db.prisma.draftVersion.findUniqueOrThrow({ where: { id: ids.version } });
    const unpublished = await db.prisma.draftVersion.create({ data: { draftId, versionNo: 2, label: "二审稿", sourceText: "" } });
    expect((await page("daibiao")).text).not.toContain("查看修改对照表");
    await db.prisma.draftVersion.update({ where: { id: unpublished.id }, data: { publishedAt: new Date() } });
    try {
      const { html, text } = await page("daibiao");
      expect(text).toContain("该草案已发布新的版本：查看修改对照表");
      expect(html).toContain(`href="/consultations/${ids.qianzhou}/comparison"`);
    } finally {
      await db.prisma.draftVersion.delete({ where: { id: unpublished.id } });
    }
  });

  it("opens the comment form without JavaScript from a ?clause= link, pre-filled with the clause's text", async () => {
    const article = await clause("第十二条");
    const { html, text } = await page("daibiao", `/consultations/${ids.qianzhou}?clause=${article.id}`);
    expect(text).toContain("对第十二条提意见");
    expect(html).toMatch(/<textarea name="suggestedText"[^>]*>[^<]*维护保养单位应当/);
    const general = await page("daibiao", `/consultations/${ids.qianzhou}?clause=general`);
    expect(general.html).toMatch(/<h2 id="annotation-heading"[^>]*>提出总体意见<\/h2>/);
  });
});
