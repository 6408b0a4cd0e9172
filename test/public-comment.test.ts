// The public comment form contract (/p/<token>), receipts (/r), deputies' QR codes (/d, /deputy/qr) and the
// consultation QR codes and poster, through the real built web app over HTTP. Posts carry no Origin header, as an
// integration posting the form would.
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { startPlatform, type RunningPlatform } from "./helpers/platform";
import { get, login, postForm } from "./helpers/http";
import { loadDemoData } from "../seeds/load-demo-data";

let db: TestDatabase;
let platform: RunningPlatform;
const cookies: Record<string, string> = {};
const seeded = { qianzhou: { id: "", token: "" }, luoshe: { id: "", token: "" }, deputyQr: "", luosheDeputyQr: "", deputyId: "" };

const RECEIPT = /回执号：([23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12})/;

function post(token: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return postForm(platform.webUrl, `/p/${token}`, form, { origin: null, headers });
}

/** The page's HTML without the empty comments React puts between adjacent text nodes. */
async function pageText(response: Response | Promise<Response>): Promise<string> {
  return (await (await response).text()).replace(/<!-- -->/g, "");
}

/** The general-opinion form of the public page. */
function generalForm(page: string): string {
  return /<form[^>]*id="general-form"[\s\S]*?<\/form>/.exec(page)?.[0] ?? "";
}

/** Comments whose body contains a marker: each test writes its own. */
function countByMarker(marker: string) {
  return db.prisma.comment.count({ where: { body: { contains: marker } } });
}

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.prisma);
  const consultations = await db.prisma.consultation.findMany({ select: { id: true, publicToken: true, contactPoint: { select: { name: true } } } });
  const of = (name: string) => consultations.find((c) => c.contactPoint.name === name)!;
  seeded.qianzhou = { id: of("惠山区前洲街道人大工委").id, token: of("惠山区前洲街道人大工委").publicToken };
  seeded.luoshe = { id: of("洛社镇人大").id, token: of("洛社镇人大").publicToken };
  const deputy = await db.prisma.user.findUniqueOrThrow({ where: { username: "daibiao" } });
  seeded.deputyQr = deputy.qrToken!;
  seeded.deputyId = deputy.id;
  seeded.luosheDeputyQr = (await db.prisma.user.findUniqueOrThrow({ where: { username: "luoshe_daibiao" } })).qrToken!;
  platform = await startPlatform(db.url, ["web"], { PUBLIC_COMMENT_LIMIT_PER_IP: "1000", RECEIPT_LOOKUP_LIMIT_PER_IP: "1000" });
  for (const username of ["admin", "fagongwei", "qianzhou", "xinxiyuan", "daibiao", "luoshe"]) cookies[username] = (await login(platform.webUrl, username)).cookie!;
}, 60_000);

afterAll(async () => {
  await platform?.stop();
  await db?.drop();
});

describe("the public page", () => {
  it("shows the contact point, the draft, its version, the deadline and a comment link per article, without an account", async () => {
    const response = await get(platform.webUrl, `/p/${seeded.qianzhou.token}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const text of ["惠山区前洲街道人大工委", "某市电梯安全管理条例（草案）", "征求意见稿", "截止时间", "还剩", "总体意见", 'id="第十二条第二款"']) expect(html).toContain(text);
    expect(html).toContain(`href="/p/${seeded.qianzhou.token}?clause=%E7%AC%AC%E5%8D%81%E4%BA%8C%E6%9D%A1#comment"`);
    // The honeypot is rendered, off-screen.
    expect(html).toMatch(/class="hp-field" aria-hidden="true"><label>[^<]*<input type="text" name="website" tabindex="-1"/);
  });

  it("opens the form for one clause with the clause's text above it", async () => {
    const response = await get(platform.webUrl, `/p/${seeded.qianzhou.token}?clause=${encodeURIComponent("第十二条")}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("对第十二条提意见");
    expect(html).toContain("对电梯每十五日至少进行一次维护保养");
    expect(html).toContain('<option value="第十二条第二款">第十二条第二款</option>');
    expect(html).not.toContain("第十三条");
  });

  it("marks search hits on the server (?q=)", async () => {
    const page = await pageText(get(platform.webUrl, `/p/${seeded.qianzhou.token}?q=${encodeURIComponent("公积金")}`));
    expect(page).toMatch(/“公积金”共 <strong>\d+<\/strong> 处/);
    expect(page).toContain('<mark class="search-hit" id="hit-1">公积金</mark>');
  });

  it("answers 404 in Chinese for an unknown token or clause", async () => {
    for (const path of ["/p/no-such-token-xyz", "/p/%E4%B8%AD", `/p/${seeded.qianzhou.token}?clause=${encodeURIComponent("第九十九条")}`]) {
      const response = await get(platform.webUrl, path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toMatch(/[\u4e00-\u9fff]/);
    }
    const posted = await post("no-such-token-xyz", { citation: "", body: "没有这个链接" });
    expect(posted.status).toBe(404);
    expect(await countByMarker("没有这个链接")).toBe(0);
  });
});

describe("the form contract", () => {
  it("stores a comment on a paragraph once and answers with 回执号：<value> and a link to /r/<回执号>", async () => {
    const marker = `条款意见-${Date.now()}`;
    const response = await post(seeded.qianzhou.token, {
      citation: "第十二条第二款",
      body: `${marker} 远程监测的条件应当公开。`,
      suggestedText: "采用物联网等技术对电梯运行状态实施远程监测，经市市场监督管理部门评估并公示符合条件的，可以按照规定实行按需维护保养。",
      reason: "评估结果应当让业主知道。",
      submitterName: "",
      submitterPhone: "",
      consent: "",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const html = await response.text();
    const receiptNo = RECEIPT.exec(html)?.[1];
    expect(receiptNo).toBeDefined();
    expect(html).toContain(`href="/r/${receiptNo}"`);
    expect(html).toContain("请保存好回执号");
    // A small answer: no draft text in it.
    expect(html).not.toContain("第四十条");
    expect(html.length).toBeLessThan(20_000);
    const stored = await db.prisma.comment.findMany({ where: { body: { contains: marker } }, include: { clause: true } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ receiptNo, source: "public", kind: "amend", status: "active", consultationId: seeded.qianzhou.id, reason: "评估结果应当让业主知道。", submitterName: null, consentAt: null, receiverId: null });
    expect(stored[0].clause?.citation).toBe("第十二条第二款");
  });

  it("stores a general comment (empty citation) without a clause", async () => {
    const marker = `总体意见-${Date.now()}`;
    const response = await post(seeded.qianzhou.token, { citation: "", body: `${marker} 建议增加既有住宅加装电梯的规定。` });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(RECEIPT);
    const stored = await db.prisma.comment.findFirstOrThrow({ where: { body: { contains: marker } } });
    expect(stored).toMatchObject({ clauseId: null, kind: "other", source: "public" });
  });

  it("keeps name, phone and occupation only with consent, and records when it was given", async () => {
    const marker = `个人信息-${Date.now()}`;
    const personal = { citation: "第八条", body: `${marker} 意见`, submitterName: "张三丰", submitterPhone: "138 1234 5678", submitterOccupation: "物业经理" };
    const refused = await post(seeded.qianzhou.token, personal);
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("请先阅读并勾选同意个人信息处理说明");
    // What they typed is still there.
    expect(refusedHtml).toContain(`${marker} 意见</textarea>`);
    expect(refusedHtml).toContain('value="张三丰"');
    expect(await countByMarker(marker)).toBe(0);

    const accepted = await post(seeded.qianzhou.token, { ...personal, consent: "on" });
    expect(accepted.status).toBe(200);
    const stored = await db.prisma.comment.findFirstOrThrow({ where: { body: { contains: marker } } });
    expect(stored).toMatchObject({ submitterName: "张三丰", submitterPhone: "13812345678", submitterOccupation: "物业经理" });
    expect(stored.consentAt).toBeInstanceOf(Date);
  });

  it("stores a form posted twice (double tap, reload of the answer) once, answering both with the same receipt", async () => {
    const page = await pageText(get(platform.webUrl, `/p/${seeded.qianzhou.token}?clause=${encodeURIComponent("第十条")}`));
    const submission = /name="submission" value="([A-Za-z0-9_-]+)"/.exec(page)?.[1];
    expect(submission).toBeDefined();
    const marker = `重复提交-${Date.now()}`;
    const form = { citation: "第十条", body: marker, submission: submission! };
    const [first, second] = await Promise.all([post(seeded.qianzhou.token, form), post(seeded.qianzhou.token, form)]);
    const third = await post(seeded.qianzhou.token, form);
    const receipts = await Promise.all([first, second, third].map(async (r) => (r.status === 200 ? RECEIPT.exec(await r.text())?.[1] : `status ${r.status}`)));
    expect(new Set(receipts).size).toBe(1);
    expect(await countByMarker(marker)).toBe(1);
    // A refused post leaves the form usable: corrected, it is stored.
    const other = `${submission}x`;
    expect((await post(seeded.qianzhou.token, { citation: "第九十九条", body: `${marker}-改`, submission: other })).status).toBe(400);
    expect((await post(seeded.qianzhou.token, { citation: "第十条", body: `${marker}-改`, submission: other })).status).toBe(200);
    expect(await countByMarker(`${marker}-改`)).toBe(1);
  });

  it("refuses a citation the draft does not have with a Chinese field message, storing nothing", async () => {
    const marker = `错误条款-${Date.now()}`;
    const response = await post(seeded.qianzhou.token, { citation: "第九十九条", body: marker });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("草案中没有“第九十九条”");
    expect(html).toContain('name="citation"');
    expect(await countByMarker(marker)).toBe(0);
  });

  it("refuses an over-long body, an empty body and a bad phone number with 400, storing nothing", async () => {
    const marker = `过长-${Date.now()}`;
    const long = await post(seeded.qianzhou.token, { citation: "第八条", body: marker + "长".repeat(5001) });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("意见内容不能超过 5000 字");
    const empty = await post(seeded.qianzhou.token, { citation: "第八条", body: "   ", reason: marker });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("请填写意见内容");
    const phone = await post(seeded.qianzhou.token, { citation: "第八条", body: marker, submitterPhone: "abc", consent: "on" });
    expect(phone.status).toBe(400);
    expect(await phone.text()).toContain("请填写正确的电话号码");
    expect(await db.prisma.comment.count({ where: { OR: [{ body: { contains: marker } }, { reason: marker }] } })).toBe(0);
  });

  it("gives a bot that fills the honeypot a receipt that was never stored", async () => {
    const marker = `机器人-${Date.now()}`;
    const response = await post(seeded.qianzhou.token, { citation: "第八条", body: marker, website: "http://spam.example" });
    expect(response.status).toBe(200);
    const receiptNo = RECEIPT.exec(await response.text())?.[1];
    expect(receiptNo).toBeDefined();
    expect(await countByMarker(marker)).toBe(0);
    expect((await get(platform.webUrl, `/r/${receiptNo}`)).status).toBe(404);
    expect(platform.logs.some((line) => line.includes("honeypot filled"))).toBe(true);
  });

  it("after the deadline: the form is replaced by 已截止, and a late post answers 409 with the text kept and nothing stored", async () => {
    await db.prisma.consultation.update({ where: { id: seeded.luoshe.id }, data: { deadline: new Date(Date.now() - 60_000) } });
    const page = await (await get(platform.webUrl, `/p/${seeded.luoshe.token}`)).text();
    expect(page).toContain("已截止");
    expect(page).not.toContain('name="body"');
    expect(page).not.toContain("对本条提意见");

    const marker = `截止后-${Date.now()}`;
    const response = await post(seeded.luoshe.token, { citation: "第八条", body: `${marker} 我写了很久的意见`, reason: "理由也要保留" });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain("本次征求意见已截止");
    expect(html).toContain("您填写的内容仍保留在下方，可复制保存");
    expect(html).toContain(`${marker} 我写了很久的意见</textarea>`);
    expect(html).toContain("理由也要保留</textarea>");
    expect(html).not.toContain("提交意见</button>");
    expect(await countByMarker(marker)).toBe(0);
  });
});

describe("deputies' QR codes", () => {
  it("/d/<qrToken> lists the contact point's open consultations, linking with the deputy as receiver", async () => {
    const response = await get(platform.webUrl, `/d/${seeded.deputyQr}`);
    expect(response.status).toBe(200);
    const page = await pageText(response);
    expect(page).toContain("向人大代表 王代表 提意见");
    expect(page).toContain(`href="/p/${seeded.qianzhou.token}?via=${seeded.deputyQr}"`);
    expect((await get(platform.webUrl, "/d/unknown-token-abc")).status).toBe(404);
    expect((await get(platform.webUrl, "/d/%20")).status).toBe(404);
  });

  it("records the deputy as receiver of a comment posted through their code", async () => {
    const page = await pageText(get(platform.webUrl, `/p/${seeded.qianzhou.token}?via=${seeded.deputyQr}`));
    expect(page).toContain("您的意见将同时送达人大代表 <strong>王代表</strong>");
    expect(generalForm(page)).toContain(`name="via" value="${seeded.deputyQr}"`);
    const marker = `代表二维码-${Date.now()}`;
    const response = await post(seeded.qianzhou.token, { citation: "第九条", body: marker, via: seeded.deputyQr });
    expect(response.status).toBe(200);
    expect(await pageText(response)).toContain("和人大代表王代表");
    const stored = await db.prisma.comment.findFirstOrThrow({ where: { body: { contains: marker } } });
    expect(stored.receiverId).toBe(seeded.deputyId);
  });

  it("refuses a receiver from another contact point or a forged one, storing nothing", async () => {
    const marker = `伪造代表-${Date.now()}`;
    for (const via of [seeded.luosheDeputyQr, "forged-token-12345"]) {
      const response = await post(seeded.qianzhou.token, { citation: "第九条", body: marker, via });
      expect(response.status, via).toBe(400);
      expect(await response.text()).toContain("该代表二维码无效");
    }
    expect(await countByMarker(marker)).toBe(0);
    // A stale code in a link still opens the page, without a deputy.
    const page = await pageText(get(platform.webUrl, `/p/${seeded.qianzhou.token}?via=${seeded.luosheDeputyQr}`));
    expect(page).not.toContain("同时送达人大代表");
    expect(generalForm(page)).toContain('name="body"');
    expect(generalForm(page)).not.toContain('name="via"');
  });

  it("shows a deputy their own code as a page, PNG and SVG; other roles cannot", async () => {
    const page = await get(platform.webUrl, "/deputy/qr", cookies.daibiao);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`${platform.webUrl}/d/${seeded.deputyQr}`);
    const png = await get(platform.webUrl, "/deputy/qr.png", cookies.daibiao);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe("PNG");
    const svg = await get(platform.webUrl, "/deputy/qr.svg", cookies.daibiao);
    expect(await svg.text()).toMatch(/^<svg /);
    expect((await get(platform.webUrl, "/deputy/qr.png", cookies.qianzhou)).status).toBe(403);
    expect((await get(platform.webUrl, "/deputy/qr.png")).status).toBe(302);
  });
});

describe("receipts (/r)", () => {
  let receiptNo = "";
  beforeAll(async () => {
    const response = await post(seeded.qianzhou.token, {
      citation: "第十二条第一款",
      body: "十五日一次维护保养太频繁。",
      suggestedText: "维护保养单位应当按照安全技术规范和维护保养合同的要求，对电梯每三十日至少进行一次维护保养，并根据电梯使用频率、运行环境和故障情况增加维护保养次数。",
      submitterName: "李四光",
      submitterPhone: "13900001111",
      consent: "on",
    });
    receiptNo = RECEIPT.exec(await response.text())![1];
  });

  it("shows the comment, the clause, the suggestion as a red-line and its status, never the name or phone", async () => {
    const response = await get(platform.webUrl, `/r/${receiptNo}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`回执号：${receiptNo}`);
    expect(html).toContain("第十二条第一款");
    expect(html).toContain("十五日一次维护保养太频繁。");
    expect(html).toMatch(/<del>.*十五.*<\/del>/);
    expect(html).toMatch(/<ins>.*三十.*<\/ins>/);
    expect(html).toContain("已收到");
    expect(html).toContain("法工委尚未答复");
    for (const secret of ["李四光", "13900001111", "1390000"]) expect(html).not.toContain(secret);
  });

  it("shows the committee's answer once an Adoption exists, and the merged status", async () => {
    const comment = await db.prisma.comment.findUniqueOrThrow({ where: { receiptNo } });
    const committee = await db.prisma.user.findUniqueOrThrow({ where: { username: "fagongwei" } });
    await db.prisma.adoption.create({ data: { commentId: comment.id, decision: "partly", explanation: "维护保养周期改为按需确定。", decidedById: committee.id } });
    const html = await (await get(platform.webUrl, `/r/${receiptNo}`)).text();
    expect(html).toContain("部分采纳");
    expect(html).toContain("维护保养周期改为按需确定。");
  });

  it("accepts lower case, spaces and dashes, and the lookup form", async () => {
    const typed = `${receiptNo.slice(0, 4).toLowerCase()} ${receiptNo.slice(4, 8)}-${receiptNo.slice(8)}`;
    const direct = await get(platform.webUrl, `/r/${encodeURIComponent(typed)}`);
    expect(direct.status).toBe(302);
    expect(direct.headers.get("location")).toBe(`/r/${receiptNo}`);
    const form = await get(platform.webUrl, `/r?no=${encodeURIComponent(typed)}`);
    expect(form.status).toBe(302);
    expect(form.headers.get("location")).toBe(`/r/${receiptNo}`);
    const lookupPage = await get(platform.webUrl, "/r");
    expect(lookupPage.status).toBe(200);
    expect(await lookupPage.text()).toContain('name="no"');
  });

  it("answers 404 in Chinese for unknown or malformed numbers, and 400 in the lookup form", async () => {
    for (const path of ["/r/ABCDEFGHJKMN", "/r/short", "/r/O0O0O0O0O0O0", `/r/${"A".repeat(300)}`]) {
      const response = await get(platform.webUrl, path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain("没有找到这个回执号");
    }
    const bad = await get(platform.webUrl, "/r?no=123");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("回执号格式不对");
  });
});

describe("consultation QR codes and poster", () => {
  const paths = () => [`/consultations/${seeded.qianzhou.id}/qr.png`, `/consultations/${seeded.qianzhou.id}/qr.svg`, `/consultations/${seeded.qianzhou.id}/poster`];

  it("gives staff and collectors of the contact point, and admins, the code of the public page", async () => {
    for (const who of ["qianzhou", "xinxiyuan", "admin"]) {
      const [png, svg, poster] = await Promise.all(paths().map((p) => get(platform.webUrl, p, cookies[who])));
      expect(png.status, who).toBe(200);
      expect(png.headers.get("content-type")).toBe("image/png");
      expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe("PNG");
      expect(svg.headers.get("content-type")).toContain("image/svg+xml");
      expect(await svg.text()).toMatch(/^<svg /);
      expect(poster.status).toBe(200);
      const html = await poster.text();
      expect(html).toContain(`${platform.webUrl}/p/${seeded.qianzhou.token}`);
      expect(html).toContain("某市电梯安全管理条例（草案）");
      expect(html).toContain("截止时间");
      expect(html).toContain("data:image/svg+xml;base64,");
      // The platform runs on 127.0.0.1: the page warns that phones cannot open such a code.
      expect(html).toContain("手机扫码后打不开");
    }
  });

  it("answers 404 to another contact point's staff, deputies and the committee; sends anonymous visitors to log in", async () => {
    for (const who of ["luoshe", "daibiao", "fagongwei"]) {
      for (const path of paths()) expect((await get(platform.webUrl, path, cookies[who])).status, `${who} ${path}`).toBe(404);
    }
    for (const path of paths()) expect((await get(platform.webUrl, path)).status).toBe(302);
    expect((await get(platform.webUrl, "/consultations/no-such-id/qr.png", cookies.qianzhou)).status).toBe(404);
  });
});
