import type { BoardCard } from "~/components/forum/board-doc";
import { commentsFromCards } from "./forum-cards";
import { presentComment, type CommentRecord } from "./present";

const card = (fields: Partial<BoardCard>): BoardCard => ({
  id: "card1",
  citation: "",
  speaker: "",
  speakerUserId: null,
  speakerOccupation: "",
  opinion: "",
  suggestedText: "",
  reason: "",
  createdBy: "u-staff",
  createdAt: 0,
  ...fields,
});

const context = { clauseIdByCitation: new Map([["第十二条第二款", "clause-12-2"], ["第四十条", null]]), deputies: new Set(["u-deputy"]) };

describe("cards becoming comments", () => {
  it("attributes a deputy by account and a resident by name and occupation; skips cards without an opinion", () => {
    const { comments, problems } = commentsFromCards(
      [
        card({ id: "a", citation: "第十二条第二款", speaker: "王代表", speakerUserId: "u-deputy", speakerOccupation: "ignored", opinion: " 周期过长 ", suggestedText: "每十五日", reason: "安全" }),
        card({ id: "b", speaker: "张三", speakerOccupation: "退休职工", opinion: "建议增加加装电梯的规定" }),
        card({ id: "c", speaker: "李四", suggestedText: "only wording, no opinion" }),
      ],
      context,
    );
    expect(problems).toEqual([]);
    expect(comments).toEqual([
      { forumCardId: "a", clauseId: "clause-12-2", kind: "amend", body: "周期过长", suggestedText: "每十五日", reason: "安全", speakerId: "u-deputy", submitterName: null, submitterOccupation: null },
      { forumCardId: "b", clauseId: null, kind: "principle", body: "建议增加加装电梯的规定", suggestedText: null, reason: null, speakerId: null, submitterName: "张三", submitterOccupation: "退休职工" },
    ]);
  });

  it("does not take a user id that is not one of the contact point's deputies", () => {
    const { comments } = commentsFromCards([card({ speaker: "冒名者", speakerUserId: "u-other-contact-point", opinion: "意见" })], context);
    expect(comments[0]).toMatchObject({ speakerId: null, submitterName: "冒名者" });
  });

  it("keeps a citation the draft does not have in the body of a general opinion", () => {
    const { comments } = commentsFromCards([card({ citation: "第四十条", opinion: "意见" }), card({ id: "x", citation: "第九十九条", opinion: "另一条" })], context);
    expect(comments.map((c) => [c.clauseId, c.body])).toEqual([[null, "（第四十条）意见"], [null, "（第九十九条）另一条"]]);
  });

  it("gives each card its own id even when a client sent a malformed or repeated one", () => {
    const { comments } = commentsFromCards([card({ id: "dup", opinion: "1" }), card({ id: "dup", opinion: "2" }), card({ id: "bad id!", opinion: "3" })], context);
    const ids = comments.map((c) => c.forumCardId);
    expect(ids[0]).toBe("dup");
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id))).toBe(true);
  });

  it("names the cards over the comment limits instead of cutting them", () => {
    const { problems } = commentsFromCards([card({ opinion: "短" }), card({ id: "long", opinion: "长".repeat(5001), reason: "理".repeat(2001) })], context);
    expect(problems.map((p) => p.cardNo)).toEqual([2, 2]);
    expect(problems[0].message).toContain("第 2 张卡片的意见超过 5000 字");
  });

  it("drops control characters a crafted client may send", () => {
    const { comments } = commentsFromCards([card({ opinion: "意\u0000见\u0007\n第二行", speaker: "张\u001b三" })], context);
    expect(comments[0]).toMatchObject({ body: "意见\n第二行", submitterName: "张三" });
  });
});

describe("a forum comment as people read it", () => {
  const record: CommentRecord = {
    id: "c1", clauseId: "clause-12-2", clause: { citation: "第十二条第二款" }, source: "forum", kind: "amend", status: "active", body: "周期过长",
    suggestedText: null, reason: null, anchor: null, submitterName: null, submitterPhone: null, submitterOccupation: null, supporterCount: 1,
    mergedIntoId: null, hiddenReason: null, createdAt: new Date("2026-12-01T02:00:00Z"), author: { displayName: "陈联络", role: "staff" }, receiver: null,
  };

  it("names the deputy who spoke, and the staff member who recorded it", () => {
    const view = presentComment({ ...record, speaker: { displayName: "王代表", role: "deputy" } }, "collector");
    expect(view).toMatchObject({ who: "王代表（人大代表）", enteredBy: "陈联络（联络员）" });
  });

  it("masks a resident who spoke for everyone but staff", () => {
    const resident = { ...record, submitterName: "张三丰", submitterOccupation: "退休职工" };
    expect(presentComment(resident, "staff").who).toBe("群众 张三丰（退休职工）");
    expect(presentComment(resident, "deputy").who).toBe("群众 张**（退休职工）");
  });
});
