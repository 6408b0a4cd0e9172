import { jaccard, proposalKeyOf, proposeGroups, shingles } from "./similarity";
import { identityKey, normaliseForIdentity } from "./normalise";

const c = (id: string, body: string, clauseId: string | null = "a12", suggestedText: string | null = null, status = "active") => ({ id, clauseId, body, suggestedText, status });

describe("normalising for identity", () => {
  it("folds punctuation, spaces and full-width forms; keeps words", () => {
    expect(normaliseForIdentity("建议缩短维护保养周期，改为每十日一次。")).toBe(normaliseForIdentity(" 建议缩短维护保养周期, 改为每十日一次 ！"));
    expect(normaliseForIdentity("ＡＢＣ１２３")).toBe("abc123");
    expect(normaliseForIdentity("改为每十日一次")).not.toBe(normaliseForIdentity("改为每七日一次"));
    expect(identityKey({ clauseId: "x", body: "同意。", suggestedText: null })).not.toBe(identityKey({ clauseId: "y", body: "同意。", suggestedText: null }));
  });
});

describe("proposeGroups", () => {
  it("proposes similar opinions on the same clause, with identical ones travelling together", () => {
    const groups = proposeGroups([
      c("1", "建议将维护保养周期缩短为每十日一次。"),
      c("2", "建议把维护保养周期缩短为每十日一次"),
      c("3", "建议将维护保养周期缩短为每十日一次！"), // identical to 1 after normalising
      c("4", "物业费应当公开收支情况。"),
      c("5", "建议将维护保养周期缩短为每十日一次。", "a13"), // another clause
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0].clauseId).toBe("a12");
    expect(groups[0].commentIds).toEqual(["1", "3", "2"]);
    expect(groups[0].units).toEqual([["1", "3"], ["2"]]);
    expect(groups[0].similarity).toBeGreaterThanOrEqual(0.5);
    expect(groups[0].key).toBe(proposalKeyOf(["3", "2", "1"]));
  });

  it("never proposes identical-only sets, merged comments, or dissimilar opinions", () => {
    expect(proposeGroups([c("1", "同意本条。"), c("2", "同意本条")])).toEqual([]);
    expect(proposeGroups([c("1", "建议将维护保养周期缩短为每十日一次。"), c("2", "建议把维护保养周期缩短为每十日一次", "a12", null, "merged")])).toEqual([]);
    expect(proposeGroups([c("1", "建议增加加装电梯的财政补贴。"), c("2", "罚款数额过高，建议降低。")])).toEqual([]);
  });

  it("does not propose again what staff split, but proposes a group that changed", () => {
    const comments = [c("1", "建议将维护保养周期缩短为每十日一次。"), c("2", "建议把维护保养周期缩短为每十日一次")];
    const [group] = proposeGroups(comments);
    expect(proposeGroups(comments, { declined: [group.key] })).toEqual([]);
    const grown = proposeGroups([...comments, c("9", "建议维护保养周期缩短为每十日一次。")], { declined: [group.key] });
    expect(grown).toHaveLength(1);
    expect(grown[0].commentIds).toEqual(["1", "2", "9"]);
  });

  it("compares what changed in pre-filled suggested wording, not the copied clause", () => {
    const original = "维护保养单位应当按照安全技术规范和维护保养合同的要求，对电梯每十五日至少进行一次维护保养，并根据电梯使用频率、运行环境和故障情况增加维护保养次数。";
    const groups = proposeGroups(
      [
        c("1", "修改周期。", "a12", original.replace("十五日", "十日")),
        c("2", "修改要求。", "a12", original.replace("故障情况", "乘客投诉情况")),
      ],
      { originalTexts: new Map([["a12", original]]) },
    );
    expect(groups).toEqual([]);
  });

  it("proposes the same suggested wording for a clause as one suggestion, however differently the opinions read", () => {
    const original = "维护保养单位应当按照安全技术规范和维护保养合同的要求，对电梯每十五日至少进行一次维护保养，并根据电梯使用频率、运行环境和故障情况增加维护保养次数。";
    const tenDays = original.replace("十五日", "十日");
    const groups = proposeGroups(
      [
        c("1", "建议将维护保养周期缩短，老旧电梯故障多。", "a12", tenDays),
        c("2", "维保太少了，建议十天一次。", "a12", tenDays),
        c("3", "物业费应当公开收支情况。", "a12", original.replace("故障情况", "乘客投诉情况")),
        c("4", "维保太少了。", "a13", tenDays), // another clause
      ],
      { originalTexts: new Map([["a12", original], ["a13", original]]) },
    );
    expect(groups).toHaveLength(1);
    expect(groups[0].commentIds).toEqual(["1", "2"]);
    expect(groups[0].similarity).toBe(1);
  });

  it("is deterministic and scales with the number of comments", () => {
    const many = Array.from({ length: 20_000 }, (_, i) => c(String(i), `关于第${i % 300}条的意见：建议增加第${i % 37}项内容，编号${i % 1000}。`, `a${i % 300}`));
    const started = performance.now();
    const first = proposeGroups(many);
    const elapsed = performance.now() - started;
    expect(proposeGroups(many)).toEqual(first);
    expect(first.length).toBeGreaterThan(0);
    for (const group of first) expect(new Set(group.commentIds.map((id) => many[Number(id)].clauseId)).size).toBe(1);
    expect(elapsed).toBeLessThan(10_000);
  });

  it("measures bigram Jaccard", () => {
    expect(jaccard(shingles("电梯安全"), shingles("电梯安全"))).toBe(1);
    expect(jaccard(shingles("电梯安全"), shingles("物业收费"))).toBe(0);
  });
});
