// Staff curation over HTTP against the built web app: the list and its filters, quick entry, edits kept as
// revisions, hiding (audited), merging (supporters counted exactly once, in one transaction), and every refusal:
// other roles 403, other contact points 404, bad input 400, new entries after the deadline 409.
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { startPlatform, type RunningPlatform } from "./helpers/platform";
import { get, postForm } from "./helpers/http";
import { loadDemoData } from "../seeds/load-demo-data";
import { demoConsultationIds, loginDemoUsers } from "./helpers/demo-setup";
import { submitComment } from "~/commands/submit-comment.server";

let db: TestDatabase;
let platform: RunningPlatform;
const cookies: Record<string, string> = {};
const ids = { qianzhou: "", luoshe: "", version: "" };

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.prisma);
  Object.assign(ids, await demoConsultationIds(db.prisma));
  platform = await startPlatform(db.url, ["web"]);
  Object.assign(cookies, await loginDemoUsers(platform.webUrl, ["qianzhou", "daibiao", "xinxiyuan", "fagongwei", "luoshe"]));
}, 90_000);

afterAll(async () => {
  await platform?.stop();
  await db?.drop();
});

/** What a person reads on the page: the HTML without scripts, tags and React's text separators. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** The heading of the list's group (an article, or 总体意见) that holds a comment with this text. */
function groupOf(html: string, body: string): string | null {
  for (const section of html.split('<section class="curation-group"').slice(1)) {
    if (visibleText(section).includes(body)) return visibleText(/<h2[^>]*>([^<]*)<\/h2>/.exec(section)?.[1] ?? "");
  }
  return null;
}

const listPath = () => `/consultations/${ids.qianzhou}/comments`;

async function read(username: string, path: string) {
  const response = await get(platform.webUrl, path, cookies[username]);
  const html = await response.text();
  return { status: response.status, html, text: visibleText(html) };
}

async function post(username: string, path: string, form: Record<string, string> | URLSearchParams) {
  const body = form instanceof URLSearchParams ? Object.fromEntries(form) : form;
  const response = form instanceof URLSearchParams
    ? await fetch(`${platform.webUrl}${path}`, { method: "POST", body: form, headers: { Cookie: cookies[username], Origin: platform.webUrl }, redirect: "manual" })
    : await postForm(platform.webUrl, path, body, { cookie: cookies[username] });
  const html = await response.text();
  return { status: response.status, location: response.headers.get("location"), text: visibleText(html) };
}

async function consultation(id = ids.qianzhou) {
  return db.prisma.consultation.findUniqueOrThrow({ where: { id }, select: { id: true, draftVersionId: true, deadline: true, status: true } });
}

/** A comment stored the one way comments are stored, as a resident's public comment would be. */
async function seedComment(body: string, { citation = "第十二条第一款", consultationId = ids.qianzhou } = {}) {
  const saved = await submitComment(db.prisma, { consultation: await consultation(consultationId), citation, body, source: "public", submitter: { name: "钱六", phone: "13900001111", consentAt: new Date() } });
  return saved.id;
}

describe("who may curate", () => {
  it("lets the contact point's staff open the list, refuses other roles with 403 and other contact points with 404", async () => {
    await seedComment("公开征集的第一条意见。");
    const staff = await read("qianzhou", listPath());
    expect(staff.status).toBe(200);
    expect(staff.text).toContain("公开征集的第一条意见。");
    expect(staff.text).toContain("群众 钱六（13900001111）");
    for (const username of ["daibiao", "xinxiyuan", "fagongwei"]) expect((await read(username, listPath())).status).toBe(403);
    expect((await read("luoshe", listPath())).status).toBe(404);
    expect((await read("qianzhou", `/consultations/${ids.luoshe}/comments`)).status).toBe(404);
  });

  it("refuses another contact point's staff every mutation with 404 and changes nothing", async () => {
    const id = await seedComment("洛社联络员动不了这条。");
    const before = await db.prisma.comment.findUniqueOrThrow({ where: { id } });
    const forms: Array<Record<string, string>> = [
      { intent: "hide", commentId: id, hiddenReason: "越权" },
      { intent: "enter", citation: "", channel: "phone", kind: "other", body: "越权录入。" },
    ];
    for (const form of forms) {
      expect((await post("luoshe", listPath(), form)).status).toBe(404);
    }
    expect((await post("luoshe", `${listPath()}/${id}`, { intent: "edit", body: "越权修改。" })).status).toBe(404);
    // Their own consultation's page cannot reach it either.
    const viaOwn = await post("luoshe", `/consultations/${ids.luoshe}/comments`, { intent: "hide", commentId: id, hiddenReason: "越权" });
    expect(viaOwn.status).toBe(404);
    expect(await db.prisma.comment.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await db.prisma.comment.count({ where: { body: { in: ["越权录入。", "越权修改。"] } } })).toBe(0);
    expect(await db.prisma.commentRevision.count({ where: { commentId: id } })).toBe(0);
  });
});

describe("quick entry of opinions given on paper, by phone, by letter", () => {
  it("stores the opinion under its channel and the clause cited, and comes back ready for the next one", async () => {
    const response = await post("qianzhou", listPath(), {
      intent: "enter",
      citation: "第十二条第二款",
      channel: "letter",
      kind: "amend",
      submitterName: "周七",
      submitterPhone: "13700002222",
      consent: "on",
      body: "来信：按需维护保养须有明确的评估标准。",
      suggestedText: "……经市市场监督管理部门按照公布的标准评估符合条件的……",
      reason: "避免评估随意。",
    });
    expect(response.status).toBe(302);
    expect(response.location).toBe(`${listPath()}?entered=1&channel=letter`);
    const clause = await db.prisma.clause.findFirstOrThrow({ where: { draftVersionId: ids.version, citation: "第十二条第二款" } });
    const stored = await db.prisma.comment.findFirstOrThrow({ where: { body: "来信：按需维护保养须有明确的评估标准。" }, include: { author: true } });
    expect(stored).toMatchObject({ source: "letter", kind: "amend", clauseId: clause.id, submitterName: "周七", submitterPhone: "13700002222", reason: "避免评估随意。" });
    expect(stored.author?.username).toBe("qianzhou");
    const next = await read("qianzhou", response.location!);
    expect(next.text).toContain("已录入 1 条。");
    expect(next.html).toMatch(/<option value="letter" selected="">信件<\/option>/);
  });

  it("stores a general opinion when no clause is given", async () => {
    const response = await post("qianzhou", `${listPath()}?entered=1&channel=letter`, { intent: "enter", citation: "", channel: "phone", kind: "principle", body: "电话：希望条例早日出台。" });
    expect(response.status).toBe(302);
    expect(response.location).toBe(`${listPath()}?entered=2&channel=phone`);
    expect(await db.prisma.comment.findFirstOrThrow({ where: { body: "电话：希望条例早日出台。" } })).toMatchObject({ clauseId: null, source: "phone", kind: "principle" });
  });

  it.each([
    ["a citation the draft does not have", { citation: "第九十九条", channel: "paper", kind: "other", body: "纸质意见。" }, "草案中没有“第九十九条”"],
    ["a channel that is not a gathering channel", { citation: "", channel: "public", kind: "other", body: "冒充网上意见。" }, "请选择意见来源"],
    ["a name without consent", { citation: "", channel: "visit", kind: "other", submitterName: "吴八", body: "走访意见。" }, "请先阅读并勾选同意"],
    ["an empty opinion", { citation: "", channel: "paper", kind: "other", body: "" }, "请填写意见内容"],
    ["a wrong phone number", { citation: "", channel: "phone", kind: "other", submitterPhone: "call me", consent: "on", body: "电话意见。" }, "请填写正确的电话号码"],
  ])("refuses %s with 400, keeps what was typed and stores nothing", async (_, form, message) => {
    const before = await db.prisma.comment.count();
    const response = await post("qianzhou", listPath(), { intent: "enter", ...form });
    expect(response.status).toBe(400);
    expect(response.text).toContain(message);
    if (form.body) expect(response.text).toContain(form.body);
    expect(await db.prisma.comment.count()).toBe(before);
  });
});

describe("the list", () => {
  it("groups comments under their article, general ones first, and filters by clause, type, source and status (GET)", async () => {
    const all = await read("qianzhou", listPath());
    expect(groupOf(all.html, "电话：希望条例早日出台。")).toBe("总体意见");
    expect(groupOf(all.html, "来信：按需维护保养须有明确的评估标准。")).toBe("第十二条");
    expect(groupOf(all.html, "公开征集的第一条意见。")).toBe("第十二条");
    expect(all.text.indexOf("电话：希望条例早日出台。")).toBeLessThan(all.text.indexOf("公开征集的第一条意见。"));

    const byClause = await read("qianzhou", `${listPath()}?clause=${encodeURIComponent("第十二条")}`);
    expect(byClause.text).toContain("来信：按需维护保养须有明确的评估标准。");
    expect(byClause.text).not.toContain("电话：希望条例早日出台。");
    const byParagraph = await read("qianzhou", `${listPath()}?clause=${encodeURIComponent("第十二条第二款")}`);
    expect(byParagraph.text).toContain("来信：按需维护保养须有明确的评估标准。");
    expect(byParagraph.text).not.toContain("公开征集的第一条意见。");
    const generalOnly = await read("qianzhou", `${listPath()}?clause=${encodeURIComponent("总体意见")}`);
    expect(generalOnly.text).toContain("电话：希望条例早日出台。");
    expect(generalOnly.text).not.toContain("来信：");
    const bySource = await read("qianzhou", `${listPath()}?source=letter`);
    expect(bySource.text).toContain("共 1 条");
    const byKind = await read("qianzhou", `${listPath()}?kind=principle`);
    expect(byKind.text).toContain("电话：希望条例早日出台。");
    expect(byKind.text).not.toContain("来信：");
    const unknown = await read("qianzhou", `${listPath()}?clause=${encodeURIComponent("第九十九条")}&status=nonsense&page=-4`);
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain("草案中没有“第九十九条”");
  });

  it("shows the counts per source and status on the consultation page", async () => {
    const page = await read("qianzhou", `/consultations/${ids.qianzhou}`);
    expect(page.text).toMatch(/群众（网上） \d+/);
    expect(page.text).toContain("信件 1");
    expect(page.text).toMatch(/状态：已收到 \d+/);
  });
});

describe("editing", () => {
  it("keeps the previous wording as a revision and shows the history", async () => {
    const id = await seedComment("电悌维保太少。");
    const path = `${listPath()}/${id}`;
    const response = await post("qianzhou", path, { intent: "edit", body: "电梯维保太少。", suggestedText: "", reason: "" });
    expect(response.status).toBe(200);
    expect(response.text).toContain("已保存修改");
    const comment = await db.prisma.comment.findUniqueOrThrow({ where: { id }, include: { revisions: { include: { editedBy: true } } } });
    expect(comment.body).toBe("电梯维保太少。");
    expect(comment.revisions).toHaveLength(1);
    expect(comment.revisions[0]).toMatchObject({ body: "电悌维保太少。", suggestedText: null, reason: null });
    expect(comment.revisions[0].editedBy.username).toBe("qianzhou");
    const page = await read("qianzhou", path);
    expect(page.text).toContain("修改前为：电悌维保太少。");

    const again = await post("qianzhou", path, { intent: "edit", body: "电梯维保太少。" });
    expect(again.text).toContain("内容没有变化");
    expect(await db.prisma.commentRevision.count({ where: { commentId: id } })).toBe(1);

    const empty = await post("qianzhou", path, { intent: "edit", body: " " });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("请填写意见内容");
    expect((await db.prisma.comment.findUniqueOrThrow({ where: { id } })).body).toBe("电梯维保太少。");
    expect(await db.prisma.commentRevision.count({ where: { commentId: id } })).toBe(1);
  });
});

describe("hiding", () => {
  it("hides with a reason, records the audit row, shows it again on request", async () => {
    const id = await seedComment("广告：专业电梯维修，电话 400-000-0000。");
    const noReason = await post("qianzhou", listPath(), { intent: "hide", commentId: id, hiddenReason: "" });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain("请填写隐藏的理由");
    expect((await db.prisma.comment.findUniqueOrThrow({ where: { id } })).status).toBe("active");

    const hidden = await post("qianzhou", listPath(), { intent: "hide", commentId: id, hiddenReason: "广告，与草案无关" });
    expect(hidden.status).toBe(200);
    expect(await db.prisma.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "hidden", hiddenReason: "广告，与草案无关" });
    const staff = await db.prisma.user.findUniqueOrThrow({ where: { username: "qianzhou" } });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "comment.hidden", entityId: id } });
    expect(audit).toMatchObject({ userId: staff.id, entityType: "Comment", detail: { reason: "广告，与草案无关" } });
    // Hidden comments leave the consultation page, stay in curation under their status.
    expect((await read("daibiao", `/consultations/${ids.qianzhou}`)).text).not.toContain("专业电梯维修");
    expect((await read("qianzhou", `${listPath()}?status=hidden`)).text).toContain("隐藏理由：广告，与草案无关");

    const twice = await post("qianzhou", listPath(), { intent: "hide", commentId: id, hiddenReason: "再隐藏一次" });
    expect(twice.status).toBe(409);
    const shown = await post("qianzhou", listPath(), { intent: "unhide", commentId: id });
    expect(shown.status).toBe(200);
    expect(await db.prisma.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "active", hiddenReason: null });
    expect(await db.prisma.auditLog.count({ where: { action: "comment.unhidden", entityId: id } })).toBe(1);
  });
});

describe("merging duplicates", () => {
  const merge = (commentIds: string[]) => {
    const form = new URLSearchParams({ intent: "merge" });
    for (const id of commentIds) form.append("commentIds", id);
    return post("qianzhou", listPath(), form);
  };
  const supporters = async (ids: string[]) =>
    (await db.prisma.comment.findMany({ where: { id: { in: ids }, status: "active" }, select: { supporterCount: true } })).reduce((sum, c) => sum + c.supporterCount, 0);

  it("merges into one comment that counts every supporter once; merging on counts on; unmerging gives them back", async () => {
    const [a, b, c] = [await seedComment("加装电梯补贴太少。"), await seedComment("加装电梯补贴偏少。"), await seedComment("加装电梯应多补贴。")];
    const first = await merge([a, b]);
    expect(first.status).toBe(200);
    expect(first.text).toContain("已将 2 条意见合并为一条（2 人提出）");
    expect(await db.prisma.comment.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ status: "active", supporterCount: 2, mergedIntoId: null });
    expect(await db.prisma.comment.findUniqueOrThrow({ where: { id: b } })).toMatchObject({ status: "merged", mergedIntoId: a });
    expect(await db.prisma.auditLog.count({ where: { action: "comment.merged", entityId: a } })).toBe(1);

    const again = await merge([a, b]);
    expect(again.status).toBe(409);
    expect(again.text).toContain("只能合并状态为“已收到”的意见");
    expect(await supporters([a, b, c])).toBe(3);

    const second = await merge([c, a]);
    expect(second.status).toBe(200);
    expect(await db.prisma.comment.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ supporterCount: 3 });
    expect((await read("qianzhou", listPath())).text).toContain("3 人提出");
    expect((await read("daibiao", `/consultations/${ids.qianzhou}`)).text).toContain("3 人提出");

    const undo = await post("qianzhou", listPath(), { intent: "unmerge", commentId: b });
    expect(undo.status).toBe(200);
    expect(await db.prisma.comment.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ supporterCount: 2 });
    expect(await db.prisma.comment.findUniqueOrThrow({ where: { id: b } })).toMatchObject({ status: "active", mergedIntoId: null, supporterCount: 1 });
    expect(await supporters([a, b, c])).toBe(3);
  });

  it("counts supporters exactly once when two staff merge overlapping comments at the same moment", async () => {
    const [x, y, z] = [await seedComment("困人救援要快。"), await seedComment("困人救援要更快。"), await seedComment("困人救援应当更快。")];
    const results = await Promise.all([merge([x, y]), merge([y, z])]);
    const statuses = results.map((r) => r.status).sort();
    expect(await supporters([x, y, z])).toBe(3);
    const active = await db.prisma.comment.findMany({ where: { id: { in: [x, y, z] }, status: "active" } });
    // Whichever ran first: [y, z] first leaves y active and able to take x in too (all three in one); [x, y] first
    // leaves y merged, so the other merge is refused.
    if (statuses[1] === 409) expect(active.map((c) => c.supporterCount).sort()).toEqual([1, 2]);
    else {
      expect(statuses).toEqual([200, 200]);
      expect(active.map((c) => c.supporterCount)).toEqual([3]);
    }
  });

  it("refuses to merge across consultations or fewer than two comments, changing nothing", async () => {
    const own = await seedComment("本联系点的意见。");
    const other = await seedComment("洛社的意见。", { consultationId: ids.luoshe });
    const across = await merge([own, other]);
    expect(across.status).toBe(404);
    expect(across.text).toContain("不属于本次征求意见");
    const single = await merge([own]);
    expect(single.status).toBe(400);
    const sameTwice = await merge([own, own]);
    expect(sameTwice.status).toBe(400);
    const bad = await merge([own, "'; DROP TABLE \"Comment\"; --"]);
    expect(bad.status).toBe(400);
    expect(await db.prisma.comment.findMany({ where: { id: { in: [own, other] } }, select: { status: true, supporterCount: true } })).toEqual([
      { status: "active", supporterCount: 1 },
      { status: "active", supporterCount: 1 },
    ]);
  });
});

describe("after the deadline", () => {
  it("refuses new entries with 409 but lets staff hide, edit and merge", async () => {
    const [p, q] = [await seedComment("截止前的意见一。"), await seedComment("截止前的意见二。")];
    await db.prisma.consultation.update({ where: { id: ids.qianzhou }, data: { deadline: new Date(Date.now() - 60_000) } });
    try {
      const before = await db.prisma.comment.count();
      const entry = await post("qianzhou", listPath(), { intent: "enter", citation: "", channel: "paper", kind: "other", body: "截止后才送到的纸质意见。" });
      expect(entry.status).toBe(409);
      expect(entry.text).toContain("本次征求意见已截止");
      expect(entry.text).toContain("截止后才送到的纸质意见。");
      expect(await db.prisma.comment.count()).toBe(before);

      expect((await post("qianzhou", `${listPath()}/${p}`, { intent: "edit", body: "截止前的意见一（已更正）。" })).status).toBe(200);
      const form = new URLSearchParams({ intent: "merge" });
      form.append("commentIds", p);
      form.append("commentIds", q);
      expect((await post("qianzhou", listPath(), form)).status).toBe(200);
      expect((await post("qianzhou", listPath(), { intent: "hide", commentId: p, hiddenReason: "重复" })).status).toBe(200);
      const list = await read("qianzhou", listPath());
      expect(list.text).toContain("不再接收新意见，仍可修改、隐藏、合并已收到的意见");
    } finally {
      await db.prisma.consultation.update({ where: { id: ids.qianzhou }, data: { deadline: new Date(Date.now() + 30 * 86_400_000) } });
    }
  });
});
