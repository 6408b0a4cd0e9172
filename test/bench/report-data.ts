// The report benchmark's data: a 300-article draft sent to 50 contact points, with 100 000 comments between them —
// deterministic (seeded), shaped like real consultations: many opinions on a few popular clauses, campaigns of the
// same words (some differing only in punctuation), near-variants, suggested wordings that edit the clause, residents
// with names and phones, deputies, staff, forums; a few merged, hidden and withdrawn.
import crypto from "node:crypto";
import type { PrismaClient } from "../../app/utils/db.server";
import type { CommentKind, CommentSource, CommentStatus } from "../../app/generated/prisma/enums";
import { importDraftVersion } from "../../app/commands/import-draft-version.server";
import { toChineseNumeral } from "../../app/legal/numerals";
import { anchorTexts } from "../../app/components/annotate/clause-texts";

export interface ReportBenchData {
  legislatureId: string;
  draftId: string;
  versionId: string;
  consultationIds: string[];
  comments: number;
}

/** mulberry32: a small seeded generator, so every run measures the same data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ["维护保养单位", "使用单位", "物业服务企业", "市场监督管理部门", "住房城乡建设部门", "电梯制造单位", "街道办事处", "业主委员会", "检验检测机构", "区人民政府"];
const ACTIONS = ["明确相应的法律责任", "增加信息公开的规定", "缩短办理期限", "提高罚款数额", "细化监督检查的程序", "增加资金保障的内容", "规定应急处置的时限", "加强对老旧设备的管理", "听取居民的意见", "建立投诉处理机制", "增加培训考核要求", "明确费用分担办法"];
const REASONS = ["实践中问题较多。", "群众反映强烈。", "与上位法衔接。", "便于执行和监督。", "其他地方已有成熟做法。", "避免部门之间推诿。", ""];
const INSERTS = ["及时", "依法", "书面", "相关", "并向社会公布", "定期", "按照规定", "会同有关部门"];
const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华";

function draftText(articles: number): string {
  const lines = ["某市城市管理综合条例（草案）", "（基准测试稿）", ""];
  const perChapter = 30;
  for (let n = 1; n <= articles; n++) {
    if ((n - 1) % perChapter === 0) lines.push(`第${toChineseNumeral((n - 1) / perChapter + 1)}章　第${toChineseNumeral((n - 1) / perChapter + 1)}部分规定`, "");
    const subject = SUBJECTS[n % SUBJECTS.length];
    const action = ACTIONS[n % ACTIONS.length];
    lines.push(`第${toChineseNumeral(n)}条　${subject}应当按照本条例的规定${action}，具体办法由市人民政府另行制定，并报市人民代表大会常务委员会备案。`);
    if (n % 3 === 0) lines.push(`${SUBJECTS[(n + 3) % SUBJECTS.length]}应当在收到申请之日起十五日内作出决定，并书面告知申请人。`);
    if (n % 5 === 0) {
      lines.push("有下列情形之一的，应当及时处理：");
      for (let i = 1; i <= 3; i++) lines.push(`（${toChineseNumeral(i)}）${SUBJECTS[(n + i) % SUBJECTS.length]}未按照规定${ACTIONS[(n + i) % ACTIONS.length]}的；`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

const SOURCES: Array<[CommentSource, number]> = [
  ["public", 0.45],
  ["deputy", 0.15],
  ["staff", 0.1],
  ["forum", 0.1],
  ["phone", 0.06],
  ["wechat", 0.06],
  ["paper", 0.04],
  ["letter", 0.02],
  ["visit", 0.02],
];
const KINDS: CommentKind[] = ["amend", "amend", "amend", "add", "delete", "principle", "other"];

function pick<T>(list: readonly T[], r: () => number): T {
  return list[Math.floor(r() * list.length)];
}

function weighted<T>(list: Array<[T, number]>, r: () => number): T {
  let x = r();
  for (const [value, weight] of list) if ((x -= weight) < 0) return value;
  return list[list.length - 1][0];
}

export async function generateReportBenchData(
  prisma: PrismaClient,
  { articles = 300, contactPoints = 50, comments = 100_000, seed = 20261130 } = {},
): Promise<ReportBenchData> {
  const r = random(seed);
  const run = crypto.randomBytes(3).toString("hex");
  const legislature = await prisma.legislature.create({ data: { name: `基准测试法工委 ${run}`, shortName: "基准法工委", region: "基准市" } });
  const draft = await prisma.draft.create({ data: { legislatureId: legislature.id, title: `某市城市管理综合条例（草案）${run}`, status: "consulting" } });
  const { version, warnings } = await prisma.$transaction((tx) => importDraftVersion(tx, { draftId: draft.id, versionNo: 1, label: "征求意见稿", text: draftText(articles), publishedAt: new Date() }), { timeout: 120_000 });
  if (warnings.length > 0) throw new Error(`bench draft has parse warnings: ${JSON.stringify(warnings.slice(0, 3))}`);
  const clauses = await prisma.clause.findMany({ where: { draftVersionId: version.id }, orderBy: { position: "asc" }, select: { id: true, parentId: true, kind: true, label: true, text: true, citation: true, path: true, stableKey: true } });
  const articleCount = clauses.filter((c) => c.kind === "article").length;
  if (articleCount !== articles) throw new Error(`bench draft parsed into ${articleCount} articles, not ${articles}`);
  const targets = clauses.filter((c) => ["article", "paragraph", "item"].includes(c.kind));
  const originals = anchorTexts(clauses);

  const deadline = new Date(Date.now() + 86_400_000);
  const consultationIds: string[] = [];
  const people: Array<{ staff: string; deputies: string[]; collector: string; forum: string }> = [];
  for (let k = 0; k < contactPoints; k++) {
    const cp = await prisma.contactPoint.create({ data: { name: `基准联系点${run}-${String(k + 1).padStart(2, "0")}`, region: "基准市" } });
    await prisma.legislatureContactPoint.create({ data: { legislatureId: legislature.id, contactPointId: cp.id } });
    const consultation = await prisma.consultation.create({ data: { draftVersionId: version.id, contactPointId: cp.id, deadline, publicToken: crypto.randomBytes(12).toString("base64url") } });
    consultationIds.push(consultation.id);
    const user = (role: "staff" | "deputy" | "collector", i: number, name: string) =>
      prisma.user.create({ data: { username: `bench-${run}-${k}-${role}-${i}`, displayName: name, role, passwordHash: "-", contactPointId: cp.id }, select: { id: true } });
    const staff = await user("staff", 0, `${pick([...SURNAMES], r)}联络`);
    const deputies = [await user("deputy", 0, `${pick([...SURNAMES], r)}代表`), await user("deputy", 1, `${pick([...SURNAMES], r)}代表`), await user("deputy", 2, `${pick([...SURNAMES], r)}代表`)];
    const collector = await user("collector", 0, `${pick([...SURNAMES], r)}信息`);
    const forum = await prisma.forum.create({ data: { consultationId: consultation.id, title: "立法征询座谈会", heldAt: new Date(), location: "代表之家", attendeeCount: 10 + Math.floor(r() * 20) } });
    people.push({ staff: staff.id, deputies: deputies.map((d) => d.id), collector: collector.id, forum: forum.id });
  }

  // Campaigns: the same words sent by many (some with other punctuation), and near-variants of them.
  const campaigns = Array.from({ length: 200 }, (_, i) => ({
    clause: targets[Math.floor(Math.pow(r(), 2) * targets.length)],
    body: `建议${SUBJECTS[i % SUBJECTS.length]}${ACTIONS[(i * 7) % ACTIONS.length]}，并${ACTIONS[(i * 3 + 1) % ACTIONS.length]}。`,
  }));

  const perConsultation = Math.ceil(comments / contactPoints);
  const start = Date.now() - 30 * 86_400_000;
  let made = 0;
  for (let k = 0; k < contactPoints && made < comments; k++) {
    const who = people[k];
    const rows: Array<Record<string, unknown>> = [];
    const activeByClause = new Map<string, Array<Record<string, unknown>>>();
    for (let i = 0; i < perConsultation && made < comments; i++, made++) {
      const id = `bc${run}${String(made).padStart(7, "0")}`;
      const source = weighted(SOURCES, r);
      const kind = pick(KINDS, r);
      let clause: (typeof targets)[number] | null = r() < 0.08 ? null : targets[Math.floor(Math.pow(r(), 2.2) * targets.length)];
      let body: string;
      const roll = r();
      if (roll < 0.2) {
        const campaign = pick(campaigns, r);
        clause = campaign.clause;
        body = r() < 0.3 ? campaign.body.replace("，", ", ").replace("。", "") : campaign.body;
      } else if (roll < 0.3) {
        const campaign = pick(campaigns, r);
        clause = campaign.clause;
        body = campaign.body.replace("建议", pick(["希望", "建议", "请求"], r)).replace("并", pick(["同时", "并且", "并"], r));
      } else {
        body = `建议${pick(SUBJECTS, r)}${pick(ACTIONS, r)}${r() < 0.5 ? `，${pick(ACTIONS, r)}` : ""}。`;
      }
      let suggestedText: string | null = null;
      if (clause && kind === "amend" && r() < 0.6) {
        const original = originals.get(clause.id) ?? "";
        const at = Math.floor(r() * Math.max(1, original.length - 4));
        suggestedText = r() < 0.5 ? original.slice(0, at) + pick(INSERTS, r) + original.slice(at) : original.slice(0, at) + pick(INSERTS, r) + original.slice(at + 2);
      }
      const named = ["public", "phone", "wechat", "paper", "letter", "visit"].includes(source) && r() < 0.6;
      const authorId =
        source === "deputy" ? pick(who.deputies, r) : source === "staff" || source === "forum" ? who.staff : ["phone", "wechat", "paper", "letter", "visit"].includes(source) ? who.collector : null;
      const row: Record<string, unknown> = {
        id,
        consultationId: consultationIds[k],
        clauseId: clause?.id ?? null,
        forumId: source === "forum" ? who.forum : null,
        speakerId: source === "forum" && r() < 0.4 ? pick(who.deputies, r) : null,
        authorId,
        source,
        kind,
        status: "active" as CommentStatus,
        body,
        suggestedText,
        reason: pick(REASONS, r) || null,
        submitterName: named ? pick([...SURNAMES], r) + pick([...GIVEN], r) + (r() < 0.5 ? pick([...GIVEN], r) : "") : null,
        submitterPhone: named && r() < 0.8 ? `1${3 + Math.floor(r() * 6)}${String(Math.floor(r() * 1e9)).padStart(9, "0")}` : null,
        consentAt: named ? new Date(start) : null,
        supporterCount: 1,
        createdAt: new Date(start + Math.floor(r() * 29 * 86_400_000)),
      };
      const key = String(row.clauseId);
      const same = activeByClause.get(key);
      const fate = r();
      if (fate < 0.02 && same && same.length > 0) {
        // Merged by staff into an earlier opinion on the same clause.
        const target = pick(same, r);
        row.status = "merged";
        row.mergedIntoId = target.id;
        target.supporterCount = (target.supporterCount as number) + 1;
      } else if (fate < 0.03) {
        row.status = "hidden";
        row.hiddenReason = "与征求意见无关";
      } else if (fate < 0.035) {
        row.status = "withdrawn";
      } else if (same) same.push(row);
      else activeByClause.set(key, [row]);
      rows.push(row);
    }
    // Targets first: a merged comment refers to an earlier one.
    for (let at = 0; at < rows.length; at += 5000) {
      await prisma.comment.createMany({ data: rows.slice(at, at + 5000) as never });
    }
  }
  return { legislatureId: legislature.id, draftId: draft.id, versionId: version.id, consultationIds, comments: made };
}
