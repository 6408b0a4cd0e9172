// Forums over HTTP against the built web app: staff create and edit them (validated, scoped, nothing half-stored);
// closing turns the capture board stored in PostgreSQL into comments exactly once, attributed to who spoke and
// filed under the right clauses, even when several staff close at the same moment; afterwards only read tokens are
// issued and the documents are announced frozen; the record downloads as Word; live annotation events reach the
// contact point's users and nobody else.
import * as Y from "yjs";
import mammoth from "mammoth";
import { Redis } from "ioredis";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { startPlatform, type RunningPlatform } from "./helpers/platform";
import { get, login, postForm } from "./helpers/http";
import { waitFor } from "./helpers/wait";
import { loadDemoData } from "../seeds/load-demo-data";
import { demoConsultationIds, loginDemoUsers } from "./helpers/demo-setup";
import { appendUpdates } from "../app/models/collab-document.server";
import { verifyCollabToken } from "../app/utils/collab-token.server";
import { addCard, boardCards, cardText, setSpeaker } from "../app/components/forum/board-doc";

let db: TestDatabase;
let platform: RunningPlatform;
let subscriber: Redis;
const frozen: string[] = [];
const QUEUE_PREFIX = `lifa-forum-${process.pid}`;
const cookies: Record<string, string> = {};
const ids = { qianzhou: "", luoshe: "", version: "", daibiao: "", daibiao2: "", luosheDeputy: "", qianzhouStaff: "", demoForum: "" };
const USERS = ["qianzhou", "daibiao", "daibiao2", "xinxiyuan", "luoshe", "luoshe_daibiao", "fagongwei"];

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.prisma);
  Object.assign(ids, await demoConsultationIds(db.prisma));
  const users = await db.prisma.user.findMany({ select: { id: true, username: true } });
  const idOf = (username: string) => users.find((u) => u.username === username)!.id;
  Object.assign(ids, { daibiao: idOf("daibiao"), daibiao2: idOf("daibiao2"), luosheDeputy: idOf("luoshe_daibiao"), qianzhouStaff: idOf("qianzhou") });
  ids.demoForum = (await db.prisma.forum.findFirstOrThrow({ where: { consultationId: ids.qianzhou } })).id;
  subscriber = new Redis(process.env.REDIS_URL!);
  await subscriber.subscribe(`${QUEUE_PREFIX}:collab:frozen`);
  subscriber.on("message", (_channel, message) => frozen.push(message));
  platform = await startPlatform(db.url, ["web"], { QUEUE_PREFIX, LIVE_EVENTS_MAX_CONNECTIONS_PER_USER: "2" });
  Object.assign(cookies, await loginDemoUsers(platform.webUrl, USERS));
}, 90_000);

afterAll(async () => {
  subscriber?.disconnect();
  await platform?.stop();
  await db?.drop();
});

function visibleText(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "").replace(/\s+/g, " ");
}

const forumForm = (overrides: Record<string, string | string[]> = {}) => ({
  title: "电梯条例立法征询座谈会",
  heldAt: "2026-12-08T09:30",
  location: "前洲街道人大代表之家",
  attendeeCount: "6",
  ...overrides,
});

/** A url-encoded form with repeated fields (deputyId, residentName, residentOccupation). */
function post(path: string, fields: Record<string, string | string[]>, username: string, origin: string | null = platform.webUrl) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return fetch(`${platform.webUrl}${path}`, {
    method: "POST",
    body,
    headers: { Cookie: cookies[username], ...(origin ? { Origin: origin } : {}) },
    redirect: "manual",
  });
}

async function createForum(fields: Record<string, string | string[]> = {}): Promise<string> {
  const response = await post(`/consultations/${ids.qianzhou}/forums/new`, forumForm(fields), "qianzhou");
  expect(response.status).toBe(302);
  return response.headers.get("location")!.replace("/forums/", "");
}

/** Stores a board in PostgreSQL the way collab-server does (an appended update), for closing to read. */
async function storeBoard(forumId: string, fill: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  fill(doc);
  await appendUpdates(db.prisma, `forum:${forumId}:board`, [{ update: Y.encodeStateAsUpdate(doc), userId: ids.qianzhouStaff }]);
}

function card(doc: Y.Doc, fields: { citation?: string; speaker?: { name: string; userId: string | null; occupation?: string }; opinion?: string; suggestedText?: string; reason?: string }) {
  const id = addCard(doc, { createdBy: ids.qianzhouStaff, citation: fields.citation ?? "" });
  const map = boardCards(doc).get(boardCards(doc).length - 1);
  if (fields.speaker) setSpeaker(map, fields.speaker);
  if (fields.opinion) cardText(map, "opinion")!.insert(0, fields.opinion);
  if (fields.suggestedText) cardText(map, "suggestedText")!.insert(0, fields.suggestedText);
  if (fields.reason) cardText(map, "reason")!.insert(0, fields.reason);
  return id;
}

async function clause(citation: string) {
  return db.prisma.clause.findFirstOrThrow({ where: { draftVersionId: ids.version, citation }, orderBy: { position: "asc" } });
}

describe("creating and editing forums", () => {
  it("stores a forum with the ticked deputies (named as their accounts) and the residents typed, in order", async () => {
    const id = await createForum({
      deputyId: [ids.daibiao2, ids.daibiao],
      residentName: ["张三丰", "", "李四"],
      residentOccupation: ["退休职工", "", "物业公司经理"],
    });
    const forum = await db.prisma.forum.findUniqueOrThrow({ where: { id }, include: { attendees: { orderBy: { position: "asc" } } } });
    expect(forum).toMatchObject({ consultationId: ids.qianzhou, title: "电梯条例立法征询座谈会", location: "前洲街道人大代表之家", attendeeCount: 6, createdById: ids.qianzhouStaff, closedAt: null });
    // 09:30 in Beijing.
    expect(forum.heldAt.toISOString()).toBe("2026-12-08T01:30:00.000Z");
    expect(forum.attendees.map((a) => [a.userId, a.name, a.occupation])).toEqual([
      [ids.daibiao2, "赵代表", "人大代表"],
      [ids.daibiao, "王代表", "人大代表"],
      [null, "张三丰", "退休职工"],
      [null, "李四", "物业公司经理"],
    ]);
    expect(await db.prisma.auditLog.count({ where: { action: "forum.created", entityId: id } })).toBe(1);
  });

  it("refuses bad input with Chinese messages and a 400, storing nothing", async () => {
    const before = await db.prisma.forum.count();
    const cases: Array<[Record<string, string | string[]>, string]> = [
      [{ title: "  " }, "请填写座谈会名称"],
      [{ location: "" }, "请填写召开地点"],
      [{ heldAt: "" }, "请选择召开时间"],
      [{ heldAt: "2026-02-30T09:00" }, "召开时间格式不正确"],
      [{ heldAt: "1999-12-31T09:00" }, "召开时间不在合理范围内"],
      [{ attendeeCount: "-3" }, "其他参会人数须为整数"],
      [{ attendeeCount: "99999" }, "其他参会人数不能超过 10000"],
      [{ residentName: ["", "王五"], residentOccupation: ["教师", ""] }, "请填写第 1 位参会群众的姓名"],
      [{ residentName: ["很".repeat(41)], residentOccupation: [""] }, "第 1 位参会群众的姓名和职业各不能超过 40 字"],
      [{ title: "座谈会\u0007" }, "座谈会名称含有无效字符"],
      [{ deputyId: ["../../etc"] }, "所选代表无效"],
      [{ title: "很".repeat(201) }, "座谈会名称不能超过 200 字"],
    ];
    for (const [fields, message] of cases) {
      const response = await post(`/consultations/${ids.qianzhou}/forums/new`, forumForm(fields), "qianzhou");
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(visibleText(await response.text()), JSON.stringify(fields)).toContain(message);
    }
    expect(await db.prisma.forum.count()).toBe(before);
  });

  it("refuses a deputy of another contact point as an attendee, storing nothing", async () => {
    const before = await db.prisma.forumAttendee.count();
    const response = await post(`/consultations/${ids.qianzhou}/forums/new`, forumForm({ deputyId: [ids.daibiao, ids.luosheDeputy] }), "qianzhou");
    expect(response.status).toBe(400);
    expect(visibleText(await response.text())).toContain("所选代表不属于本联系点");
    expect(await db.prisma.forumAttendee.count()).toBe(before);
  });

  it("lets only the contact point's staff create and edit; other contact points get 404", async () => {
    const forumId = await createForum();
    const count = await db.prisma.forum.count();
    for (const username of ["daibiao", "xinxiyuan", "fagongwei"]) {
      expect((await get(platform.webUrl, `/consultations/${ids.qianzhou}/forums/new`, cookies[username])).status, username).toBe(403);
      expect((await post(`/consultations/${ids.qianzhou}/forums/new`, forumForm(), username)).status, username).toBe(403);
      expect((await get(platform.webUrl, `/forums/${forumId}/edit`, cookies[username])).status, username).toBe(403);
      expect((await post(`/forums/${forumId}/edit`, forumForm({ title: "改名" }), username)).status, username).toBe(403);
    }
    expect((await get(platform.webUrl, `/consultations/${ids.qianzhou}/forums/new`, cookies.luoshe)).status).toBe(404);
    expect((await post(`/consultations/${ids.qianzhou}/forums/new`, forumForm(), "luoshe")).status).toBe(404);
    expect((await get(platform.webUrl, `/forums/${forumId}/edit`, cookies.luoshe)).status).toBe(404);
    expect((await post(`/forums/${forumId}/edit`, forumForm({ title: "改名" }), "luoshe")).status).toBe(404);
    for (const path of [`/forums/${forumId}`, `/forums/${forumId}/minutes.docx`, `/forums/${forumId}/collab-token`]) {
      expect((await get(platform.webUrl, path, cookies.luoshe)).status, path).toBe(404);
      expect((await get(platform.webUrl, path, cookies.luoshe_daibiao)).status, path).toBe(404);
    }
    expect((await get(platform.webUrl, "/forums/no-such-forum/edit", cookies.qianzhou)).status).toBe(404);
    expect((await get(platform.webUrl, "/consultations/no-such/forums/new", cookies.qianzhou)).status).toBe(404);
    // A post from another site, with the staff member's cookie, is refused before any route runs.
    expect((await post(`/consultations/${ids.qianzhou}/forums/new`, forumForm(), "qianzhou", "https://evil.example")).status).toBe(403);
    expect(await db.prisma.forum.count()).toBe(count);
    expect((await db.prisma.forum.findUniqueOrThrow({ where: { id: forumId } })).title).toBe("电梯条例立法征询座谈会");
    // Other contact points do not list it either.
    expect(visibleText(await (await get(platform.webUrl, "/forums", cookies.luoshe)).text())).not.toContain("电梯条例立法征询座谈会");
  });

  it("replaces title, time, place and attendees on edit", async () => {
    const id = await createForum({ deputyId: [ids.daibiao], residentName: ["张三丰"], residentOccupation: ["退休职工"] });
    const response = await post(`/forums/${id}/edit`, forumForm({ title: "改期后的座谈会", heldAt: "2026-12-09T14:00", deputyId: [ids.daibiao2], residentName: ["王五"], residentOccupation: [""] }), "qianzhou");
    expect(response.status).toBe(302);
    const forum = await db.prisma.forum.findUniqueOrThrow({ where: { id }, include: { attendees: { orderBy: { position: "asc" } } } });
    expect(forum.title).toBe("改期后的座谈会");
    expect(forum.heldAt.toISOString()).toBe("2026-12-09T06:00:00.000Z");
    expect(forum.attendees.map((a) => [a.userId, a.name, a.occupation])).toEqual([[ids.daibiao2, "赵代表", "人大代表"], [null, "王五", null]]);
    const refused = await post(`/forums/${id}/edit`, forumForm({ title: "" }), "qianzhou");
    expect(refused.status).toBe(400);
    expect((await db.prisma.forum.findUniqueOrThrow({ where: { id } })).title).toBe("改期后的座谈会");
  });
});

describe("closing a forum", () => {
  let forumId: string;
  const cardIds: Record<string, string> = {};

  beforeAll(async () => {
    forumId = await createForum({ deputyId: [ids.daibiao], residentName: ["张三丰"], residentOccupation: ["退休职工"] });
    await storeBoard(forumId, (doc) => {
      cardIds.deputy = card(doc, { citation: "第十二条第二款", speaker: { name: "王代表", userId: ids.daibiao }, opinion: "按需维护保养的条件应当明确。", suggestedText: "每十五日至少进行一次维护保养", reason: "保障安全。" });
      cardIds.resident = card(doc, { speaker: { name: "张三丰", userId: null, occupation: "退休职工" }, opinion: "建议增加既有住宅加装电梯的规定。" });
      cardIds.forged = card(doc, { citation: "第五条", speaker: { name: "钱代表", userId: ids.luosheDeputy }, opinion: "冒用他处代表账号的发言。" });
      cardIds.empty = card(doc, { citation: "第三条", speaker: { name: "李四", userId: null }, suggestedText: "只写了建议文字" });
    });
  });

  it("creates each card's comment once when several staff close at the same moment", async () => {
    const staff2 = await db.prisma.user.create({ data: { username: "qianzhou2", displayName: "孙联络", role: "staff", passwordHash: (await db.prisma.user.findUniqueOrThrow({ where: { username: "qianzhou" } })).passwordHash, contactPointId: (await db.prisma.user.findUniqueOrThrow({ where: { username: "qianzhou" } })).contactPointId } });
    cookies.qianzhou2 = (await login(platform.webUrl, "qianzhou2")).cookie!;
    const presses = await Promise.all(["qianzhou", "qianzhou2", "qianzhou", "qianzhou2"].map((u) => post(`/forums/${forumId}`, { intent: "close" }, u)));
    expect(presses.map((r) => r.status)).toEqual([302, 302, 302, 302]);
    const comments = await db.prisma.comment.findMany({ where: { forumId } });
    expect(comments).toHaveLength(3);
    expect(new Set(comments.map((c) => c.forumCardId))).toEqual(new Set([cardIds.deputy, cardIds.resident, cardIds.forged]));
    const forum = await db.prisma.forum.findUniqueOrThrow({ where: { id: forumId } });
    expect(forum.closedAt).not.toBeNull();
    expect([ids.qianzhouStaff, staff2.id]).toContain(forum.closedById);
    // The one who closed it typed them all in.
    expect(new Set(comments.map((c) => c.authorId))).toEqual(new Set([forum.closedById]));
    expect(await db.prisma.auditLog.count({ where: { action: "forum.closed", entityId: forumId } })).toBe(1);
  });

  it("attributes each comment to who spoke and files it under the cited clause", async () => {
    const byCard = new Map((await db.prisma.comment.findMany({ where: { forumId } })).map((c) => [c.forumCardId, c]));
    expect(byCard.get(cardIds.deputy)).toMatchObject({
      source: "forum", kind: "amend", status: "active", clauseId: (await clause("第十二条第二款")).id, consultationId: ids.qianzhou,
      body: "按需维护保养的条件应当明确。", suggestedText: "每十五日至少进行一次维护保养", reason: "保障安全。",
      speakerId: ids.daibiao, submitterName: null, submitterOccupation: null, submitterPhone: null, receiptNo: null,
    });
    expect(byCard.get(cardIds.resident)).toMatchObject({ clauseId: null, kind: "principle", speakerId: null, submitterName: "张三丰", submitterOccupation: "退休职工", submitterPhone: null });
    // A user id that is not one of this contact point's deputies counts for nothing: the name typed stands.
    expect(byCard.get(cardIds.forged)).toMatchObject({ clauseId: (await clause("第五条")).id, speakerId: null, submitterName: "钱代表" });
    expect(byCard.has(cardIds.empty)).toBe(false);
  });

  it("shows the comments in the consultation's list and curation, residents masked outside staff", async () => {
    const staffPage = visibleText(await (await get(platform.webUrl, `/consultations/${ids.qianzhou}/comments?source=forum`, cookies.qianzhou)).text());
    expect(staffPage).toContain("王代表（人大代表）");
    expect(staffPage).toContain("群众 张三丰（退休职工）");
    expect(staffPage).toContain("按需维护保养的条件应当明确。");
    const deputyPage = visibleText(await (await get(platform.webUrl, `/consultations/${ids.qianzhou}`, cookies.daibiao2)).text());
    expect(deputyPage).toContain("按需维护保养的条件应当明确。");
    expect(deputyPage).toContain("群众 张**（退休职工）");
    expect(deputyPage).not.toContain("张三丰");
  });

  it("issues only read tokens afterwards, announces both documents frozen, and refuses edits", async () => {
    await waitFor(() => frozen.includes(`forum:${forumId}:minutes`) && frozen.includes(`forum:${forumId}:board`), { what: "frozen announcements" });
    // Four presses, one close: announced once each.
    expect(frozen.filter((name) => name.startsWith(`forum:${forumId}:`)).sort()).toEqual([`forum:${forumId}:board`, `forum:${forumId}:minutes`]);
    for (const doc of ["minutes", "board"]) {
      for (const username of ["qianzhou", "daibiao"]) {
        const response = await get(platform.webUrl, `/forums/${forumId}/collab-token?doc=${doc}`, cookies[username]);
        const check = verifyCollabToken((await response.json()).token, process.env.COLLAB_SECRET!);
        expect(check.ok && check.grant).toMatchObject({ docName: `forum:${forumId}:${doc}`, mode: "read" });
      }
    }
    const page = await (await get(platform.webUrl, `/forums/${forumId}`, cookies.daibiao)).text();
    expect(visibleText(page)).toContain("座谈会已结束");
    expect(page).toContain('"editable":false');
    const edit = await post(`/forums/${forumId}/edit`, forumForm({ title: "结束后改名" }), "qianzhou");
    expect(edit.status).toBe(409);
    expect(visibleText(await edit.text())).toContain("座谈会已结束，不能再修改座谈会信息");
  });

  it("issues write tokens for an open forum to staff and deputies, read tokens to collectors", async () => {
    const open = await createForum();
    for (const [username, mode] of [["qianzhou", "write"], ["daibiao", "write"], ["xinxiyuan", "read"]] as const) {
      const response = await get(platform.webUrl, `/forums/${open}/collab-token?doc=board`, cookies[username]);
      const check = verifyCollabToken((await response.json()).token, process.env.COLLAB_SECRET!);
      expect(check.ok && check.grant, username).toMatchObject({ docName: `forum:${open}:board`, mode });
    }
    expect((await get(platform.webUrl, `/forums/${open}/collab-token`, cookies.fagongwei)).status).toBe(403);
  });

  it("lets only staff close, and refuses a board with a card over the limits, leaving the forum open", async () => {
    const id = await createForum();
    await storeBoard(id, (doc) => {
      card(doc, { opinion: "正常的意见" });
      card(doc, { opinion: "长".repeat(5001) });
    });
    expect((await post(`/forums/${id}`, { intent: "close" }, "daibiao")).status).toBe(403);
    expect((await post(`/forums/${id}`, { intent: "close" }, "luoshe")).status).toBe(404);
    expect((await post(`/forums/${id}`, { intent: "reopen" }, "qianzhou")).status).toBe(400);
    const refused = await post(`/forums/${id}`, { intent: "close" }, "qianzhou");
    expect(refused.status).toBe(400);
    expect(visibleText(await refused.text())).toContain("第 2 张卡片的意见超过 5000 字");
    expect(await db.prisma.forum.findUniqueOrThrow({ where: { id } })).toMatchObject({ closedAt: null, closedById: null });
    expect(await db.prisma.comment.count({ where: { forumId: id } })).toBe(0);
  });

  it("downloads the record as Word: residents named for staff, masked for deputies", async () => {
    const staff = await get(platform.webUrl, `/forums/${forumId}/minutes.docx`, cookies.qianzhou);
    expect(staff.status).toBe(200);
    expect(staff.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(staff.headers.get("content-disposition")).toContain("attachment");
    const staffText = (await mammoth.extractRawText({ buffer: Buffer.from(await staff.arrayBuffer()) })).value;
    for (const expected of ["电梯条例立法征询座谈会", "人大代表：王代表", "张三丰（退休职工）", "第十二条第二款", "按需维护保养的条件应当明确。", "建议修改为：每十五日至少进行一次维护保养"]) {
      expect(staffText).toContain(expected);
    }
    expect(staffText.indexOf("总体意见")).toBeLessThan(staffText.indexOf("第五条"));
    expect(staffText.indexOf("第五条")).toBeLessThan(staffText.indexOf("第十二条第二款"));
    const deputyText = (await mammoth.extractRawText({ buffer: Buffer.from(await (await get(platform.webUrl, `/forums/${forumId}/minutes.docx`, cookies.daibiao)).arrayBuffer()) })).value;
    expect(deputyText).toContain("张**（退休职工）");
    expect(deputyText).not.toContain("张三丰");
    expect((await get(platform.webUrl, `/forums/${forumId}/minutes.docx`)).status).toBe(302);
  });
});

/** An open event stream, collecting events as they arrive. */
async function openEvents(username: string, consultationId: string) {
  const controller = new AbortController();
  const response = await fetch(`${platform.webUrl}/consultations/${consultationId}/events`, { headers: { Cookie: cookies[username] }, signal: controller.signal, redirect: "manual" });
  const events: Array<{ event: string; data: unknown }> = [];
  let text = "";
  if (response.status === 200) {
    void (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          text += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = text.indexOf("\n\n")) >= 0) {
            const block = text.slice(0, end);
            text = text.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event) events.push({ event, data: data ? JSON.parse(data) : null });
          }
        }
      } catch {
        // Aborted by the test.
      }
    })();
    await waitFor(() => events.some((e) => e.event === "ready"), { what: `${username}'s stream ready` });
  }
  return { response, events, close: () => controller.abort() };
}

describe("live annotation events", () => {
  it("tell the contact point's other users of a new comment, and nobody at another contact point", async () => {
    const staff = await openEvents("qianzhou", ids.qianzhou);
    const author = await openEvents("daibiao", ids.qianzhou);
    const elsewhere = await openEvents("luoshe", ids.luoshe);
    expect(staff.response.headers.get("content-type")).toContain("text/event-stream");
    const response = await postForm(platform.webUrl, `/consultations/${ids.qianzhou}`, { clauseId: "general", kind: "principle", body: "实时批注：建议增加加装电梯的规定。" }, { cookie: cookies.daibiao });
    expect(response.status).toBe(302);
    await waitFor(() => staff.events.some((e) => e.event === "comments"), { what: "the staff member's event" });
    expect(staff.events.find((e) => e.event === "comments")!.data).toEqual({ count: 1, mine: false });
    await waitFor(() => author.events.some((e) => e.event === "comments"), { what: "the author's own event" });
    expect(author.events.find((e) => e.event === "comments")!.data).toEqual({ count: 1, mine: true });
    // A public comment on luoshe's consultation reaches luoshe: by then the qianzhou event, sent earlier, would have arrived too.
    const token = (await db.prisma.consultation.findUniqueOrThrow({ where: { id: ids.luoshe } })).publicToken;
    expect((await postForm(platform.webUrl, `/p/${token}`, { body: "洛社群众的意见" }, { origin: null })).status).toBe(200);
    await waitFor(() => elsewhere.events.some((e) => e.event === "comments"), { what: "luoshe's own event" });
    expect(elsewhere.events.filter((e) => e.event === "comments")).toEqual([{ event: "comments", data: { count: 1, mine: false } }]);
    for (const stream of [staff, author, elsewhere]) stream.close();
  });

  it("refuses other contact points, other roles and anonymous visitors", async () => {
    expect((await openEvents("luoshe", ids.qianzhou)).response.status).toBe(404);
    expect((await openEvents("luoshe_daibiao", ids.qianzhou)).response.status).toBe(404);
    expect((await openEvents("fagongwei", ids.qianzhou)).response.status).toBe(403);
    expect((await get(platform.webUrl, `/consultations/${ids.qianzhou}/events`)).status).toBe(302);
    expect((await get(platform.webUrl, "/consultations/no-such/events", cookies.qianzhou)).status).toBe(404);
  });

  it("caps the streams one user holds, and frees a place when a stream closes", async () => {
    const first = await openEvents("xinxiyuan", ids.qianzhou);
    const second = await openEvents("xinxiyuan", ids.qianzhou);
    const third = await openEvents("xinxiyuan", ids.qianzhou);
    expect([first.response.status, second.response.status, third.response.status]).toEqual([200, 200, 429]);
    expect(third.response.headers.get("retry-after")).toBe("60");
    first.close();
    let again: Awaited<ReturnType<typeof openEvents>> | null = null;
    await waitFor(async () => {
      again = await openEvents("xinxiyuan", ids.qianzhou);
      return again.response.status === 200;
    }, { what: "a place freed by the closed stream" });
    second.close();
    again!.close();
  });

  it("tells a forum's open pages that it closed", async () => {
    const id = await createForum();
    const deputy = await openEvents("daibiao", ids.qianzhou);
    expect((await post(`/forums/${id}`, { intent: "close" }, "qianzhou")).status).toBe(302);
    await waitFor(() => deputy.events.some((e) => e.event === "forum-closed"), { what: "the forum-closed event" });
    expect(deputy.events.find((e) => e.event === "forum-closed")!.data).toEqual({ forumId: id, mine: false });
    deputy.close();
  });
});
