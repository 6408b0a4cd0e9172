// The report workflow over HTTP against the built web app and a real worker: staff compile (a Bull job), decide on
// proposed groups of similar opinions, submit the latest compiled version (frozen, SHA-256 recorded, audited); the
// committee sees it per draft, marks it received, publishes the next version, answers suggestions re-anchored onto it
// (one, or several at once); residents read the answer at /r/<回执号> and rate it; contact points and the committee
// see the counts. Every refusal: other roles 403, other contact points and other legislatures 404, submitting twice
// or without a compiled report 409, answers without an explanation 400, ratings before an answer 409, too many 429;
// residents masked in every committee view.
import fs from "node:fs";
import path from "node:path";
import mammoth from "mammoth";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { startPlatform, type RunningPlatform } from "./helpers/platform";
import { get, login, postForm } from "./helpers/http";
import { waitFor } from "./helpers/wait";
import { loadDemoData } from "../seeds/load-demo-data";
import { submitComment } from "~/commands/submit-comment.server";
import { addDraftVersion } from "~/commands/add-draft-version.server";
import { publishDraftVersion } from "~/commands/publish-draft-version.server";
import { checkDraftText } from "~/commands/read-draft-text.server";
import { reportSha256 } from "~/reports/report-hash";

const RATING_LIMIT = 6;
const USERS = ["qianzhou", "daibiao", "daibiao2", "xinxiyuan", "luoshe", "anyangshan", "fagongwei", "fagongwei_cz"];
const RESIDENT = { name: "张三丰", phone: "13812341234" };

let db: TestDatabase;
let platform: RunningPlatform;
const cookies: Record<string, string> = {};
const ids = { qianzhou: "", luoshe: "", anyangshan: "", draft: "", v1: "", v2: "" };
const comments: Record<string, { id: string; receiptNo: string | null }> = {};

function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

async function read(username: string | null, url: string) {
  const response = await get(platform.webUrl, url, username ? cookies[username] : null);
  const body = await response.text();
  return { status: response.status, body, text: visibleText(body), location: response.headers.get("location") };
}

async function post(username: string | null, url: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) body.append(key, v);
  const response = await fetch(`${platform.webUrl}${url}`, {
    method: "POST",
    body,
    headers: { ...(username ? { Cookie: cookies[username] } : {}), Origin: platform.webUrl },
    redirect: "manual",
  });
  const html = await response.text();
  return { status: response.status, location: response.headers.get("location"), text: visibleText(html) };
}

const reportPath = () => `/consultations/${ids.qianzhou}/report`;
const latestReport = (consultationId = ids.qianzhou) => db.prisma.feedbackReport.findFirst({ where: { consultationId }, orderBy: { version: "desc" } });

async function compileAndWait(username = "qianzhou"): Promise<number> {
  const response = await post(username, reportPath(), {});
  expect(response.status).toBe(303);
  const version = (await latestReport())!.version;
  await waitFor(async () => (await latestReport())?.status === "compiled", { timeoutMs: 30_000, what: `report v${version} compiled` });
  return version;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.prisma);
  const consultations = await db.prisma.consultation.findMany({ select: { id: true, draftVersionId: true, deadline: true, status: true, contactPoint: { select: { name: true } }, draftVersion: { select: { draftId: true } } } });
  const of = (name: string) => consultations.find((c) => c.contactPoint.name === name)!;
  const qianzhou = of("惠山区前洲街道人大工委");
  ids.qianzhou = qianzhou.id;
  ids.luoshe = of("洛社镇人大").id;
  ids.anyangshan = of("阳山镇安阳山村").id;
  ids.draft = qianzhou.draftVersion.draftId;
  ids.v1 = qianzhou.draftVersionId;
  const user = (username: string) => db.prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  const [deputy, staff, collector] = await Promise.all([user("daibiao"), user("qianzhou"), user("xinxiyuan")]);
  const add = async (key: string, props: Omit<Parameters<typeof submitComment>[1], "consultation">) => {
    comments[key] = await submitComment(db.prisma, { consultation: qianzhou, announce: false, ...props });
  };
  const resident = { name: RESIDENT.name, phone: RESIDENT.phone, consentAt: new Date() };
  await add("a8", { source: "public", citation: "第八条", kind: "amend", body: "制造单位应当在合理期限内提供技术资料。", submitter: resident, issueReceipt: true });
  await add("a8same", { source: "phone", authorId: staff.id, citation: "第八条", kind: "amend", body: "制造单位应当在合理期限内，提供技术资料！" });
  await add("a12quote", { source: "public", citation: "第十二条", kind: "amend", quote: { text: "并根据电梯使用频率、运行环境和故障情况增加维护保养次数", near: 60 }, body: "增加保养次数要有标准。", submitter: { name: "李四", consentAt: new Date() }, issueReceipt: true });
  await add("a7", { source: "public", citation: "第七条", kind: "delete", body: "行业协会的规定可以删去。", issueReceipt: true });
  await add("a25", { source: "deputy", authorId: deputy.id, citation: "第二十五条", kind: "amend", body: "维修资金筹集方式应当更加明确。" });
  await add("a16similar1", { source: "public", citation: "第十六条", kind: "amend", body: "电梯使用单位的确定规则太复杂，建议简化为由产权人负责。" });
  await add("a16similar2", { source: "wechat", authorId: collector.id, citation: "第十六条", kind: "amend", body: "电梯使用单位的确定规则太复杂了，建议简化为由产权人负责。" });
  await add("a16other1", { source: "public", citation: "第十六条", kind: "other", body: "出租房屋的电梯由出租人作为使用单位，建议保留这一项规定不变。" });
  await add("a16other2", { source: "public", citation: "第十六条", kind: "other", body: "出租房屋的电梯由出租人作为使用单位，建议保留这一规定不要改变。" });
  platform = await startPlatform(db.url, ["web", "worker"], { RATING_LIMIT_PER_IP: String(RATING_LIMIT) });
  for (const username of USERS) {
    const result = await login(platform.webUrl, username);
    expect(result.status, `login ${username}`).toBe(302);
    cookies[username] = result.cookie!;
  }
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await db?.drop();
});

describe("who may see and work on a contact point's report", () => {
  it("lets its staff and deputies open the report page and its progress; other roles 403, other contact points 404", async () => {
    expect((await read("qianzhou", reportPath())).status).toBe(200);
    expect((await read("daibiao", reportPath())).status).toBe(200);
    for (const username of ["xinxiyuan", "fagongwei"]) expect((await read(username, reportPath())).status, username).toBe(403);
    expect((await read("luoshe", reportPath())).status).toBe(404);
    expect((await read("qianzhou", `/consultations/${ids.luoshe}/report`)).status).toBe(404);
    expect((await read("qianzhou", "/consultations/no-such-consultation/report")).status).toBe(404);
    expect((await read("luoshe", `${reportPath()}/progress`)).status).toBe(404);
    expect((await read(null, reportPath())).status).toBe(302);
  });

  it("refuses compiling to deputies (403), other contact points (404) and cross-site posts (403), creating nothing", async () => {
    expect((await post("daibiao", reportPath(), {})).status).toBe(403);
    expect((await post("luoshe", reportPath(), {})).status).toBe(404);
    const crossSite = await postForm(platform.webUrl, reportPath(), {}, { cookie: cookies.qianzhou, origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(await db.prisma.feedbackReport.count()).toBe(0);
  });

  it("refuses submitting before anything was compiled (409)", async () => {
    const response = await post("qianzhou", `${reportPath()}/submit`, {});
    expect(response.status).toBe(409);
    expect(response.text).toContain("还没有汇总报告");
  });
});

describe("similar opinions proposed as groups", () => {
  it("proposes the two similar opinions on 第十六条 and remembers a split, merging the other group when confirmed", async () => {
    const page = await read("qianzhou", reportPath());
    expect(page.text).toContain("相似意见");
    expect(page.text).toContain("电梯使用单位的确定规则太复杂");
    // Deputies read the page but are not shown proposals and cannot decide on them.
    expect((await read("daibiao", reportPath())).text).not.toContain("相似意见");
    const split = [comments.a16similar1.id, comments.a16similar2.id];
    expect((await post("daibiao", reportPath(), { intent: "group-split", commentIds: split })).status).toBe(403);
    expect((await post("luoshe", reportPath(), { intent: "group-split", commentIds: split })).status).toBe(404);
    expect((await post("qianzhou", reportPath(), { intent: "group-split", commentIds: [comments.a16similar1.id] })).status).toBe(400);

    const splitResponse = await post("qianzhou", reportPath(), { intent: "group-split", commentIds: split });
    expect(splitResponse.status).toBe(200);
    expect(await db.prisma.commentGroupDecision.count({ where: { consultationId: ids.qianzhou, decision: "split" } })).toBe(1);
    const after = await read("qianzhou", reportPath());
    expect(after.text).not.toContain("电梯使用单位的确定规则太复杂");

    const merge = [comments.a16other1.id, comments.a16other2.id];
    expect((await post("qianzhou", reportPath(), { intent: "group-merge", commentIds: merge })).status).toBe(200);
    const merged = await db.prisma.comment.findMany({ where: { id: { in: merge } }, select: { status: true, supporterCount: true } });
    expect(merged.map((c) => c.status).sort()).toEqual(["active", "merged"]);
    expect(merged.find((c) => c.status === "active")!.supporterCount).toBe(2);
    // A comment of another consultation in the group: 404, nothing merged.
    const foreign = await submitComment(db.prisma, { consultation: await db.prisma.consultation.findUniqueOrThrow({ where: { id: ids.luoshe } }), announce: false, source: "public", body: "洛社的意见。" });
    expect((await post("qianzhou", reportPath(), { intent: "group-merge", commentIds: [comments.a7.id, foreign.id] })).status).toBe(404);
    expect((await db.prisma.comment.findUniqueOrThrow({ where: { id: comments.a7.id } })).status).toBe("active");
  });
});

describe("compiling and submitting (报送)", () => {
  let submittedContent: unknown;
  let submittedSha: string;

  it("compiles through the worker, previews the report with residents masked for deputies, and shows its SHA-256", async () => {
    const version = await compileAndWait();
    expect(version).toBe(1);
    const report = (await latestReport())!;
    expect(report.fileSha256).toBe(reportSha256(report.content as object));
    const staff = await read("qianzhou", reportPath());
    expect(staff.text).toContain("意见建议汇总表");
    expect(staff.text).toContain(report.fileSha256);
    expect(staff.text).toContain("第十二条");
    const deputy = await read("daibiao", reportPath());
    expect(deputy.text).toContain("张**");
    expect(deputy.text).not.toContain(RESIDENT.name);
    expect(deputy.text).not.toContain(RESIDENT.phone);
    const progress = await read("qianzhou", `${reportPath()}/progress`);
    expect(JSON.parse(progress.body)).toMatchObject({ version: 1, status: "compiled", percent: 100 });
  });

  it("refuses submitting to deputies (403) and other contact points (404)", async () => {
    expect((await post("daibiao", `${reportPath()}/submit`, {})).status).toBe(403);
    expect((await read("daibiao", `${reportPath()}/submit`)).status).toBe(403);
    expect((await post("luoshe", `${reportPath()}/submit`, {})).status).toBe(404);
    expect((await latestReport())!.status).toBe("compiled");
  });

  it("submits the latest compiled version: frozen with who and when, its hash kept, audited; a second submit is refused", async () => {
    const review = await read("qianzhou", `${reportPath()}/submit`);
    expect(review.text).toContain("将报送第 1 版");
    const response = await post("qianzhou", `${reportPath()}/submit`, {});
    expect(response.status).toBe(303);
    expect(response.location).toBe(`${reportPath()}?submitted=1`);
    const report = (await latestReport())!;
    expect(report.status).toBe("submitted");
    expect(report.submittedAt).not.toBeNull();
    const staff = await db.prisma.user.findUniqueOrThrow({ where: { username: "qianzhou" } });
    expect(report.submittedById).toBe(staff.id);
    expect(report.fileSha256).toBe(reportSha256(report.content as object));
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "report.submitted", entityId: report.id } });
    expect(audit.detail).toMatchObject({ version: 1, sha256: report.fileSha256 });
    submittedContent = report.content;
    submittedSha = report.fileSha256!;

    const again = await post("qianzhou", `${reportPath()}/submit`, {});
    expect(again.status).toBe(409);
    expect(again.text).toContain("已经报送");
    expect(await db.prisma.auditLog.count({ where: { action: "report.submitted" } })).toBe(1);
  });

  it("keeps the submitted version unchanged when a new compile makes version 2", async () => {
    await submitComment(db.prisma, { consultation: await db.prisma.consultation.findUniqueOrThrow({ where: { id: ids.qianzhou } }), announce: false, source: "public", citation: "第九条", body: "报送后又收到的意见。" });
    expect(await compileAndWait()).toBe(2);
    const v1 = await db.prisma.feedbackReport.findUniqueOrThrow({ where: { consultationId_version: { consultationId: ids.qianzhou, version: 1 } } });
    expect(v1.status).toBe("submitted");
    expect(v1.content).toEqual(submittedContent);
    expect(v1.fileSha256).toBe(submittedSha);
    const v2 = (await latestReport())!;
    expect(v2.fileSha256).not.toBe(submittedSha);
    // The frozen version stays downloadable as it was submitted.
    const frozen = await get(platform.webUrl, `${reportPath()}/versions/1.json`, cookies.qianzhou);
    expect(frozen.status).toBe(200);
    expect(frozen.headers.get("x-report-sha256")).toBe(submittedSha);
    expect(reportSha256(await frozen.json())).toBe(submittedSha);
    expect((await get(platform.webUrl, `${reportPath()}/versions/1.docx`, cookies.daibiao)).status).toBe(200);
    expect((await get(platform.webUrl, `${reportPath()}/versions/1.json`, cookies.luoshe)).status).toBe(404);
    expect((await get(platform.webUrl, `${reportPath()}/versions/9.json`, cookies.qianzhou)).status).toBe(404);
    expect((await get(platform.webUrl, `${reportPath()}/versions/1.exe`, cookies.qianzhou)).status).toBe(404);
  });

  it("refuses submitting while a version is compiling or after one failed (409)", async () => {
    const staff = await db.prisma.user.findUniqueOrThrow({ where: { username: "qianzhou" } });
    const compiling = await db.prisma.feedbackReport.create({ data: { consultationId: ids.qianzhou, version: 3, status: "compiling", createdById: staff.id } });
    const whileCompiling = await post("qianzhou", `${reportPath()}/submit`, {});
    expect(whileCompiling.status).toBe(409);
    expect(whileCompiling.text).toContain("正在生成");
    await db.prisma.feedbackReport.update({ where: { id: compiling.id }, data: { status: "failed", error: "测试：失败" } });
    const afterFailure = await post("qianzhou", `${reportPath()}/submit`, {});
    expect(afterFailure.status).toBe(409);
    expect(afterFailure.text).toContain("汇总失败");
    await db.prisma.feedbackReport.delete({ where: { id: compiling.id } });
    expect((await db.prisma.feedbackReport.findMany({ where: { status: "submitted" } })).length).toBe(1);
  });
});

describe("the committee's incoming reports", () => {
  const reportsPath = () => `/legislature/drafts/${ids.draft}/reports`;

  it("shows each consulted contact point as 未报送 / 已报送 with the same SHA-256 the contact point sees, residents masked", async () => {
    const page = await read("fagongwei", reportsPath());
    expect(page.status).toBe(200);
    const submitted = await db.prisma.feedbackReport.findFirstOrThrow({ where: { status: "submitted" } });
    expect(page.text).toContain(submitted.fileSha256!);
    expect(page.body).toContain('data-report-status="已报送"');
    expect(page.body.match(/data-report-status="未报送"/g)).toHaveLength(2);
    // What is left to answer is what was reported: not 洛社's opinion, which was never submitted.
    const reported = await db.prisma.comment.count({ where: { consultationId: ids.qianzhou, status: "active" } });
    expect(page.text).toMatch(new RegExp(`尚未答复\\s*${reported}(?!\\d)`));
    expect(page.text).not.toContain(RESIDENT.name);
    expect(page.text).not.toContain(RESIDENT.phone);
  });

  it("lets the committee download exactly the submitted version, not a later unsubmitted one", async () => {
    const submitted = await db.prisma.feedbackReport.findFirstOrThrow({ where: { status: "submitted" } });
    const file = await get(platform.webUrl, `${reportPath()}/versions/${submitted.version}.docx`, cookies.fagongwei);
    expect(file.status).toBe(200);
    expect(file.headers.get("x-report-sha256")).toBe(submitted.fileSha256);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await file.arrayBuffer()) });
    expect(value).toContain("张**");
    expect(value).not.toContain(RESIDENT.name);
    expect((await get(platform.webUrl, `${reportPath()}/versions/2.json`, cookies.fagongwei)).status).toBe(404);
    expect((await get(platform.webUrl, `${reportPath()}/versions/${submitted.version}.json`, cookies.fagongwei_cz)).status).toBe(404);
  });

  it("is the owning committee's only: another legislature 404, contact-point roles 403", async () => {
    expect((await read("fagongwei_cz", reportsPath())).status).toBe(404);
    expect((await read("qianzhou", reportsPath())).status).toBe(403);
    const submitted = await db.prisma.feedbackReport.findFirstOrThrow({ where: { status: "submitted" } });
    expect((await post("fagongwei_cz", reportsPath(), { intent: "receive", reportId: submitted.id })).status).toBe(404);
    expect((await db.prisma.feedbackReport.findUniqueOrThrow({ where: { id: submitted.id } })).status).toBe("submitted");
  });

  it("marks a submitted report received (已接收) once; a compiled, unsubmitted one reads as not found", async () => {
    const submitted = await db.prisma.feedbackReport.findFirstOrThrow({ where: { status: "submitted" } });
    const unsubmitted = (await latestReport())!;
    expect((await post("fagongwei", reportsPath(), { intent: "receive", reportId: unsubmitted.id })).status).toBe(404);
    expect((await post("fagongwei", reportsPath(), { intent: "receive", reportId: "bad id!" })).status).toBe(400);
    const received = await post("fagongwei", reportsPath(), { intent: "receive", reportId: submitted.id });
    expect(received.status).toBe(200);
    expect(received.text).toContain("已接收");
    const row = await db.prisma.feedbackReport.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(row.status).toBe("received");
    expect(row.receivedAt).not.toBeNull();
    expect(row.content).toEqual(submitted.content);
    expect((await post("fagongwei", reportsPath(), { intent: "receive", reportId: submitted.id })).status).toBe(409);
    expect((await read("fagongwei", reportsPath())).body).toContain('data-report-status="已接收"');
    expect((await read("qianzhou", reportPath())).text).toContain("法工委已接收");
  });
});

describe("the next version and adoption (采纳情况)", () => {
  const adoptionPath = () => `/legislature/drafts/${ids.draft}/adoption`;

  it("says there is nothing to answer before a next version is published", async () => {
    const page = await read("fagongwei", adoptionPath());
    expect(page.status).toBe(200);
    expect(page.text).toContain("尚无新版本");
  });

  it("re-anchors every submitted suggestion onto the published next version", async () => {
    const legislature = await db.prisma.user.findUniqueOrThrow({ where: { username: "fagongwei" } });
    const text = fs.readFileSync(path.join(import.meta.dirname, "../seeds/drafts/elevator-v2.txt"), "utf8");
    const added = await addDraftVersion(db.prisma, { draftId: ids.draft, userId: legislature.id, label: "二次审议稿", source: checkDraftText(text) });
    await publishDraftVersion(db.prisma, { legislatureId: legislature.legislatureId!, userId: legislature.id, draftId: ids.draft, draftVersionId: added.versionId, consultations: [], confirmWarnings: true });
    ids.v2 = added.versionId;

    const page = await read("fagongwei", adoptionPath());
    expect(page.status).toBe(200);
    const card = (quote: string) => page.body.split('<article class="suggestion-answer').find((c) => visibleText(c).includes(quote)) ?? "";
    expect(card("制造单位应当在合理期限内提供技术资料")).toContain('data-anchor-status="exact"');
    expect(visibleText(card("制造单位应当在合理期限内提供技术资料"))).toContain("原文未变");
    expect(card("增加保养次数要有标准")).toContain('data-anchor-status="changed"');
    expect(card("行业协会的规定可以删去")).toContain('data-anchor-status="orphan"');
    expect(visibleText(card("维修资金筹集方式应当更加明确"))).toContain("已移动 → 二次审议稿第二十六条");
    // Residents stay masked in the committee's view.
    expect(page.text).toContain("张**");
    expect(page.text).not.toContain(RESIDENT.name);
    expect(page.text).not.toContain(RESIDENT.phone);
    expect(page.text).not.toContain("李四");
  });

  it("is the owning committee's only: another legislature 404 (nothing stored), contact-point roles 403", async () => {
    expect((await read("fagongwei_cz", adoptionPath())).status).toBe(404);
    expect((await read("qianzhou", adoptionPath())).status).toBe(403);
    const form = { intent: "answer", unit: `${comments.a8.id}|第八条`, decision: "adopted", explanation: "越权答复" };
    expect((await post("fagongwei_cz", adoptionPath(), form)).status).toBe(404);
    expect((await post("qianzhou", adoptionPath(), form)).status).toBe(403);
    expect(await db.prisma.adoption.count()).toBe(0);
  });

  it("refuses bad answers with a message and stores nothing", async () => {
    const declinedWithoutReason = await post("fagongwei", adoptionPath(), { intent: "answer", unit: `${comments.a8.id}|第八条`, decision: "declined", explanation: "" });
    expect(declinedWithoutReason.status).toBe(400);
    expect(declinedWithoutReason.text).toContain("请填写说明理由");
    const unknownClause = await post("fagongwei", adoptionPath(), { intent: "answer", unit: `${comments.a8.id}|第八条`, decision: "adopted", newCitation: "第九十九条" });
    expect(unknownClause.status).toBe(400);
    expect(unknownClause.text).toContain("新版本中没有“第九十九条”");
    const foreign = await db.prisma.comment.findFirstOrThrow({ where: { consultationId: ids.luoshe } });
    const notThisDraftsReport = await post("fagongwei", adoptionPath(), { intent: "answer", unit: `${comments.a8.id},no-such-comment|`, decision: "adopted" });
    expect(notThisDraftsReport.status).toBe(404);
    expect((await post("fagongwei", adoptionPath(), { intent: "answer", unit: "<script>|", decision: "adopted" })).status).toBe(400);
    expect((await post("fagongwei", adoptionPath(), { intent: "answer", unit: `${foreign.id}|`, decision: "maybe" })).status).toBe(400);
    expect(await db.prisma.adoption.count()).toBe(0);
  });

  it("answers a suggestion on every comment it stands for, linked to the new version's clause", async () => {
    const page = await read("fagongwei", adoptionPath());
    const unit = /name="unit" value="([^"]*)"/.exec(page.body.split("制造单位应当在合理期限内提供技术资料")[1])![1].replace(/&#x27;/g, "'");
    expect(unit.split("|")[1]).toBe("第八条");
    const answered = await post("fagongwei", adoptionPath(), { intent: "answer", unit, decision: "adopted", explanation: "已在二次审议稿第八条增加期限。", newCitation: "第八条" });
    expect(answered.status).toBe(200);
    expect(answered.text).toContain("已答复");
    const v2a8 = await db.prisma.clause.findFirstOrThrow({ where: { draftVersionId: ids.v2, citation: "第八条" }, orderBy: { position: "asc" } });
    // The resident's comment and the identical one staff entered by phone are one suggestion: both get the answer.
    const rows = await db.prisma.adoption.findMany({ where: { commentId: { in: [comments.a8.id, comments.a8same.id] } } });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ decision: "adopted", newClauseId: v2a8.id, explanation: "已在二次审议稿第八条增加期限。" });
    expect(await db.prisma.auditLog.count({ where: { action: "adoption.recorded" } })).toBe(1);
  });

  it("answers several suggestions at once, each linked to the clause it was re-anchored to", async () => {
    const page = await read("fagongwei", adoptionPath());
    const units = [...page.body.matchAll(/<input[^>]*form="bulk-answer"[^>]*>/g)].map((m) => /value="([^"]*)"/.exec(m[0])![1]);
    expect(units.length).toBeGreaterThanOrEqual(7);
    const of = (...commentIds: string[]) => units.find((u) => commentIds.some((id) => u.includes(id)))!;
    const response = await post("fagongwei", adoptionPath(), { intent: "answer", key: "bulk", unit: [of(comments.a25.id), of(comments.a16other1.id, comments.a16other2.id)], decision: "partly", explanation: "部分采纳，见新条文。" });
    expect(response.status).toBe(200);
    const a25 = await db.prisma.adoption.findUniqueOrThrow({ where: { commentId: comments.a25.id }, include: { newClause: true } });
    expect(a25.newClause!.citation).toBe("第二十六条");
    // The merged opinion on 第十六条 got the answer too.
    expect(await db.prisma.adoption.count({ where: { commentId: { in: [comments.a16other1.id, comments.a16other2.id] }, decision: "partly" } })).toBe(2);
    const declined = await post("fagongwei", adoptionPath(), { intent: "answer", unit: of(comments.a12quote.id), decision: "declined", explanation: "维护保养次数已由安全技术规范规定。", newCitation: "-" });
    expect(declined.status).toBe(200);
    expect((await db.prisma.adoption.findUniqueOrThrow({ where: { commentId: comments.a12quote.id } })).newClauseId).toBeNull();
  });

  it("shows the answers to the contact point, and to each deputy their own", async () => {
    const staff = await read("qianzhou", reportPath());
    expect(staff.text).toContain("已在二次审议稿第八条增加期限。");
    expect(staff.text).toContain("维护保养次数已由安全技术规范规定。");
    const deputy = await read("daibiao", reportPath());
    const mine = deputy.text.slice(deputy.text.indexOf("我的意见的采纳情况"), deputy.text.lastIndexOf("汇总版本"));
    expect(mine).toContain("维修资金筹集方式应当更加明确。");
    expect(mine).toContain("部分采纳，见新条文。");
    expect(mine).not.toContain("增加保养次数要有标准");
    const otherDeputy = await read("daibiao2", reportPath());
    expect(otherDeputy.text).toContain("法工委尚未答复您提出的意见");
    const consultationPage = await read("daibiao", `/consultations/${ids.qianzhou}`);
    expect(consultationPage.text).toContain("法工委已答复");
  });

  it("counts suggestions per changed article in the 修改对照表 page and its DOCX", async () => {
    const page = await read("fagongwei", `/legislature/drafts/${ids.draft}/compare`);
    expect(page.text).toContain("收到意见");
    const docx = await get(platform.webUrl, `/legislature/drafts/${ids.draft}/compare.docx?from=${ids.v1}&to=${ids.v2}`, cookies.fagongwei);
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toContain("wordprocessingml");
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) });
    expect(value).toContain("修改对照表");
    expect(value).toContain("收到意见");
    expect(value).toMatch(/第十二条[\s\S]*修改[\s\S]*1 条/);
    expect((await get(platform.webUrl, `/legislature/drafts/${ids.draft}/compare.docx`, cookies.fagongwei_cz)).status).toBe(404);
    expect((await get(platform.webUrl, `/legislature/drafts/${ids.draft}/compare.docx?to=nope`, cookies.fagongwei)).status).toBe(404);
  });
});

describe("residents read the answer and rate it", () => {
  const receipt = (key: string) => `/r/${comments[key].receiptNo}`;

  it("shows the committee's answer at /r/<回执号> with the rating form", async () => {
    const page = await read(null, receipt("a8"));
    expect(page.status).toBe(200);
    expect(page.text).toContain("采纳");
    expect(page.text).toContain("已在二次审议稿第八条增加期限。");
    expect(page.text).toContain("您对办理情况满意吗");
  });

  it("refuses a rating before an answer (409), an unknown receipt (404) and a bad value (400)", async () => {
    expect((await read(null, receipt("a7"))).text).not.toContain("您对办理情况满意吗");
    const early = await post(null, receipt("a7"), { satisfaction: "satisfied" });
    expect(early.status).toBe(409);
    expect(early.text).toContain("法工委答复后才能评价");
    expect((await post(null, "/r/ABCDEFGHJKMN", { satisfaction: "satisfied" })).status).toBe(404);
    expect((await post(null, receipt("a8"), { satisfaction: "delighted" })).status).toBe(400);
    expect(await db.prisma.comment.count({ where: { satisfaction: { not: null } } })).toBe(0);
  });

  it("records a rating, lets the resident change it, and counts it for the contact point and the committee", async () => {
    const rated = await post(null, receipt("a8"), { satisfaction: "basically" });
    expect(rated.status).toBe(303);
    expect(rated.location).toBe(`${receipt("a8")}?rated=1`);
    const changed = await post(null, receipt("a8"), { satisfaction: "satisfied" });
    expect(changed.status).toBe(303);
    const row = await db.prisma.comment.findUniqueOrThrow({ where: { id: comments.a8.id } });
    expect(row.satisfaction).toBe("satisfied");
    expect(row.satisfactionAt).not.toBeNull();
    expect((await read(null, `${receipt("a8")}?rated=1`)).text).toContain("感谢您的评价");
    expect((await read("qianzhou", reportPath())).text).toContain("群众评价（1 人）： 满意 1");
    expect((await read("fagongwei", `/legislature/drafts/${ids.draft}/reports`)).text).toContain("群众评价（1 人）： 满意 1");
  });

  it("limits ratings per client address (429 with Retry-After)", async () => {
    let last: Response | null = null;
    for (let i = 0; i < RATING_LIMIT + 1; i++) {
      last = await fetch(`${platform.webUrl}${receipt("a12quote")}`, { method: "POST", body: new URLSearchParams({ satisfaction: "unsatisfied" }), redirect: "manual" });
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await last!.text()).toContain("评价次数过多");
  });
});
