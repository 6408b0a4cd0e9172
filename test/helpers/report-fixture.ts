// Opinions on the demo draft at 前洲, covering every case a compiled report must handle: 总体意见, articles,
// paragraphs, items; comments merged by staff; comments identical after normalising punctuation and spaces; hidden
// and withdrawn ones; forum speakers (a deputy, a named resident, an unnamed voice); residents with names and phones.
import type { PrismaClient } from "../../app/utils/db.server";
import { submitComment } from "../../app/commands/submit-comment.server";
import { mergeComments } from "../../app/commands/merge-comments.server";

export const RESIDENT = { name: "张三丰", phone: "13812341234", masked: "张**（138****1234" };
export const FORUM_RESIDENT = { name: "李秀英", phone: "13998765432", occupation: "退休教师" };

export interface ReportFixture {
  consultationId: string;
  staffId: string;
  deputyId: string;
  ids: Record<string, string>;
}

/** Adds the opinions to 前洲's consultation of the demo draft (loadDemoData must have run). */
export async function addReportFixture(prisma: PrismaClient): Promise<ReportFixture> {
  const cp = await prisma.contactPoint.findFirstOrThrow({ where: { name: { contains: "前洲" } } });
  const consultation = await prisma.consultation.findFirstOrThrow({
    where: { contactPointId: cp.id },
    select: { id: true, draftVersionId: true, deadline: true, status: true },
  });
  // Opinions given in the days before the deadline.
  const base = new Date(consultation.deadline.getTime() - 20 * 86_400_000);
  const user = (username: string) => prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  const [staff, deputy, deputy2, collector] = await Promise.all([user("qianzhou"), user("daibiao"), user("daibiao2"), user("xinxiyuan")]);
  const forum = await prisma.forum.findFirstOrThrow({ where: { consultationId: consultation.id } });
  await prisma.forumAttendee.createMany({
    data: [
      { forumId: forum.id, userId: deputy.id, name: "王代表", position: 0 },
      { forumId: forum.id, name: FORUM_RESIDENT.name, occupation: FORUM_RESIDENT.occupation, position: 1 },
    ],
  });

  let minute = 0;
  const ids: Record<string, string> = {};
  const add = async (key: string, props: Omit<Parameters<typeof submitComment>[1], "consultation">) => {
    const comment = await submitComment(prisma, { consultation, announce: false, now: new Date(base.getTime() + ++minute * 60_000), ...props });
    ids[key] = comment.id;
    // Creation times in a fixed order, so the report's order does not depend on the clock.
    await prisma.comment.update({ where: { id: comment.id }, data: { createdAt: new Date(base.getTime() + minute * 60_000) } });
  };

  await add("general", { source: "deputy", authorId: deputy.id, kind: "principle", body: "建议增加既有住宅加装电梯的相关规定。", reason: "老旧小区居民需求集中。" });
  await add("a2p2Delete", { source: "staff", authorId: staff.id, citation: "第二条第二款", kind: "delete", body: "建议删除本款。", reason: "私人住宅电梯也存在安全隐患。" });
  await add("a3i4", {
    source: "phone",
    authorId: collector.id,
    citation: "第三条第四项",
    kind: "amend",
    body: "老旧电梯的年限建议缩短为十年。",
    suggestedText: "老旧电梯，是指投入使用满十年，或者经安全评估存在较大事故隐患的电梯。",
    submitter: { name: "赵六", phone: "13700001111", consentAt: base },
  });
  // Three people say the same about 第八条; staff merge them.
  await add("a8a", { source: "deputy", authorId: deputy.id, citation: "第八条", kind: "amend", body: "建议明确制造单位提供技术资料的期限。", reason: "维保单位反映资料难以获取。" });
  await add("a8b", { source: "deputy", authorId: deputy2.id, citation: "第八条", kind: "amend", body: "制造单位应当在合理期限内提供技术资料。" });
  await add("a8c", { source: "public", citation: "第八条", kind: "amend", body: "技术资料提供要有期限。", submitter: { name: RESIDENT.name, phone: RESIDENT.phone, consentAt: base } });
  // Hidden (abuse) and withdrawn opinions never reach a report: 第九条 has no other.
  await add("a9hidden", { source: "public", citation: "第九条", kind: "other", body: "广告：电梯维修找我 13900000000" });
  await add("a9withdrawn", { source: "public", citation: "第九条第二款", kind: "other", body: "已撤回的意见。" });
  await add("a10p1i2", { source: "staff", authorId: staff.id, citation: "第十条第一款第二项", kind: "amend", body: "建议写明监督检验证明的原件或者复印件。", suggestedText: "监督检验证明原件；" });
  // The same opinion twice, differing only in punctuation and spaces: one suggestion, 2 people.
  const a12 = "维护保养单位应当按照安全技术规范和维护保养合同的要求，对电梯每十日至少进行一次维护保养，并根据电梯使用频率、运行环境和故障情况增加维护保养次数。";
  await add("a12same1", { source: "public", citation: "第十二条第一款", kind: "amend", body: "建议缩短维护保养周期，改为每十日一次。", suggestedText: a12, reason: "高层住宅电梯使用频繁。", submitter: { name: RESIDENT.name, phone: RESIDENT.phone, consentAt: base } });
  await add("a12same2", { source: "wechat", authorId: collector.id, citation: "第十二条第一款", kind: "amend", body: "建议缩短维护保养周期, 改为每十日一次", suggestedText: a12, reason: "高层住宅电梯使用频繁！" });
  // At the forum: a deputy who spoke, a resident who spoke, an unnamed voice.
  await add("forumDeputy", { source: "forum", authorId: staff.id, forumId: forum.id, speakerId: deputy.id, citation: "第十三条第五项第三目", kind: "amend", body: "维护保养记录保存期限建议延长至六年。", suggestedText: "维护保养记录保存期限不少于六年；" });
  await add("forumResident", {
    source: "forum",
    authorId: staff.id,
    forumId: forum.id,
    citation: "第十三条第五项第三目",
    kind: "amend",
    body: "记录应当同时保存电子版。",
    submitter: { name: FORUM_RESIDENT.name, phone: FORUM_RESIDENT.phone, occupation: FORUM_RESIDENT.occupation, consentAt: base },
  });
  await add("forumVoice", { source: "forum", authorId: staff.id, forumId: forum.id, kind: "other", body: "希望尽快出台条例。" });

  await mergeComments(prisma, { consultationId: consultation.id, commentIds: [ids.a8a, ids.a8b, ids.a8c], userId: staff.id });
  await prisma.comment.update({ where: { id: ids.a9hidden }, data: { status: "hidden", hiddenReason: "广告" } });
  await prisma.comment.update({ where: { id: ids.a9withdrawn }, data: { status: "withdrawn" } });
  return { consultationId: consultation.id, staffId: staff.id, deputyId: deputy.id, ids };
}
