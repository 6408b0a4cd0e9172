// Sample opinions for the demo started by `npm start` (and `npm run db:seed`), so that a newcomer finds comments
// to read, curate and compile into a report: deputies, staff entering a phone call, a collector and residents, at
// 前洲 and 洛社. Loaded through the same command the pages use, so anchors and receipts are real. Not part of
// loadDemoData: tests count comments and add their own. Idempotent: nothing happens when 前洲 has any comment.
import type { PrismaClient } from "~/utils/db.server";
import type { CommentKind, CommentSource } from "~/generated/prisma/enums";
import { submitComment } from "~/commands/submit-comment.server";
import { CONTACT_POINTS, DEMO_DRAFT } from "./demo-data";

interface SampleComment {
  contactPoint: string;
  /** Demo username of the author (deputies, staff, collectors); null for a resident through the public page. */
  author: string | null;
  source: CommentSource;
  citation: string;
  quote?: string;
  kind: CommentKind;
  body: string;
  suggestedText?: string;
  reason?: string;
  submitter?: { name: string; phone?: string; occupation?: string };
}

const QIANZHOU = "qianzhou";
const LUOSHE = "luoshe";

export const SAMPLE_COMMENTS: SampleComment[] = [
  {
    contactPoint: QIANZHOU,
    author: "daibiao",
    source: "deputy",
    citation: "第十二条第一款",
    quote: "每十五日",
    kind: "amend",
    body: "建议将维护保养周期缩短，老旧电梯故障多。",
    suggestedText:
      "维护保养单位应当按照安全技术规范和维护保养合同的要求，对电梯每十日至少进行一次维护保养，并根据电梯使用频率、运行环境和故障情况增加维护保养次数。",
    reason: "辖区内使用十五年以上的电梯占比较高，居民反映困人较多。",
  },
  {
    contactPoint: QIANZHOU,
    author: null,
    source: "public",
    citation: "第十二条第一款",
    kind: "amend",
    body: "维保太少了，建议十天一次。",
    suggestedText:
      "维护保养单位应当按照安全技术规范和维护保养合同的要求，对电梯每十日至少进行一次维护保养，并根据电梯使用频率、运行环境和故障情况增加维护保养次数。",
    submitter: { name: "张伟", phone: "13812341234", occupation: "退休职工" },
  },
  {
    contactPoint: QIANZHOU,
    author: "daibiao2",
    source: "deputy",
    citation: "第十二条第二款",
    kind: "principle",
    body: "按需维护保养的评估条件应当公开，并听取业主意见。",
    reason: "远程监测替代现场维保涉及安全，群众关心。",
  },
  {
    contactPoint: QIANZHOU,
    author: "qianzhou",
    source: "phone",
    citation: "第十五条第一款",
    kind: "amend",
    body: "合同应当写明困人后多长时间到达现场。",
    suggestedText:
      "使用单位应当与维护保养单位签订书面维护保养合同，明确维护保养的内容、频次、质量要求、应急救援到达现场时间以及双方的权利义务。",
    reason: "“应急救援响应时间”不够明确，接到电话和到达现场是两回事。",
    submitter: { name: "李秀英", phone: "13905105432", occupation: "社区居民" },
  },
  {
    contactPoint: QIANZHOU,
    author: "xinxiyuan",
    source: "visit",
    citation: "第二十条",
    kind: "add",
    body: "建议增加禁止在电梯内吸烟、张贴小广告的规定。",
    submitter: { name: "王建国", occupation: "物业公司员工" },
  },
  {
    contactPoint: QIANZHOU,
    author: "daibiao",
    source: "deputy",
    citation: "第三十条",
    kind: "principle",
    body: "建议明确加装电梯可以提取公积金的具体时限，由管理机构在三个月内制定办法。",
  },
  {
    contactPoint: QIANZHOU,
    author: null,
    source: "public",
    citation: "",
    kind: "principle",
    body: "希望条例尽快出台，老小区加装电梯的需求很大。",
    submitter: { name: "赵敏" },
  },
  {
    contactPoint: LUOSHE,
    author: "luoshe_daibiao",
    source: "deputy",
    citation: "第十二条第一款",
    quote: "每十五日",
    kind: "amend",
    body: "维护保养周期建议缩短为十日。",
    suggestedText:
      "维护保养单位应当按照安全技术规范和维护保养合同的要求，对电梯每十日至少进行一次维护保养，并根据电梯使用频率、运行环境和故障情况增加维护保养次数。",
  },
  {
    contactPoint: LUOSHE,
    author: "luoshe",
    source: "paper",
    citation: "第二十一条第一款",
    kind: "amend",
    body: "加装电梯的保险费用由谁承担应当写清楚。",
    reason: "村民担心每年的保险费摊不清。",
    submitter: { name: "孙立", occupation: "村民" },
  },
];

export async function loadSampleComments(prisma: PrismaClient, now = new Date()): Promise<number> {
  const consultations = await prisma.consultation.findMany({
    where: { draftVersion: { draft: { title: DEMO_DRAFT.title } } },
    select: {
      id: true,
      draftVersionId: true,
      deadline: true,
      status: true,
      contactPoint: { select: { name: true } },
      _count: { select: { comments: true } },
    },
  });
  const byKey = new Map(CONTACT_POINTS.map((c) => [c.key, consultations.find((k) => k.contactPoint.name === c.name)]));
  if (!byKey.get(QIANZHOU) || byKey.get(QIANZHOU)!._count.comments > 0) return 0;
  const users = new Map(
    (await prisma.user.findMany({ select: { id: true, username: true } })).map((u) => [u.username, u.id]),
  );
  // All or nothing: an interrupted load leaves no half of the samples behind.
  return prisma.$transaction(
    async (tx) => {
      let stored = 0;
      for (const sample of SAMPLE_COMMENTS) {
        const consultation = byKey.get(sample.contactPoint);
        if (!consultation) continue;
        const fromResident = sample.author === null || sample.source !== "deputy";
        // Inside the transaction, as closing a forum does (announce: false; nobody has a page open yet).
        await submitComment(tx as unknown as PrismaClient, {
          consultation,
          citation: sample.citation,
          quote: sample.quote ? { text: sample.quote, near: 0 } : undefined,
          kind: sample.kind,
          body: sample.body,
          suggestedText: sample.suggestedText,
          reason: sample.reason,
          source: sample.source,
          authorId: sample.author ? users.get(sample.author) : null,
          submitter: sample.submitter && fromResident ? { ...sample.submitter, consentAt: now } : undefined,
          issueReceipt: sample.source === "public",
          announce: false,
          now,
        });
        stored++;
      }
      return stored;
    },
    { timeout: 60_000 },
  );
}
