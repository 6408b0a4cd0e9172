// Pure parts of answering suggestions: re-anchoring them onto the next version (the demo draft's two versions, whose
// changes are listed in seeds/drafts/elevator-changes.md), one unit per distinct suggestion across contact points,
// and the answer form's rules.
import fs from "node:fs";
import path from "node:path";
import { parseLegalText } from "~/legal/parse";
import { anchorForQuote } from "~/legal/clause-rows";
import type { LegalNode } from "~/legal/types";
import type { ReportDocument, ReportSuggestion } from "~/reports/report-document";
import { buildVersionPair, placeSuggestion, readAnchor } from "./reanchor-unit";
import { buildSuggestionUnits } from "./suggestion-units";
import { AdoptionFields, unitValue } from "./adoption-fields";
import { countForLabel } from "./suggestion-count";

const drafts = path.join(import.meta.dirname, "../../../seeds/drafts");
const pair = buildVersionPair(
  parseLegalText(fs.readFileSync(path.join(drafts, "elevator-v1.txt"), "utf8")),
  parseLegalText(fs.readFileSync(path.join(drafts, "elevator-v2.txt"), "utf8")),
);
const article = (citation: string): LegalNode => [...pair.oldNodes.values()].find((n) => n.kind === "article" && n.citation === citation)!;

describe("re-anchoring a suggestion onto the next version", () => {
  it("follows whole-clause suggestions through unchanged, renumbered, moved, edited and deleted articles", () => {
    expect(placeSuggestion(pair, { stableKey: article("第八条").id, anchor: null })).toMatchObject({ status: "exact", newCitation: "第八条" });
    expect(placeSuggestion(pair, { stableKey: article("第二十五条").id, anchor: null })).toMatchObject({ status: "moved", newCitation: "第二十六条" });
    expect(placeSuggestion(pair, { stableKey: article("第二十一条").id, anchor: null })).toMatchObject({ status: "moved", newCitation: "第七条" });
    expect(placeSuggestion(pair, { stableKey: article("第二十八条").id, anchor: null })).toMatchObject({ status: "fuzzy", newCitation: "第二十九条" });
    expect(placeSuggestion(pair, { stableKey: article("第七条").id, anchor: null })).toEqual({ status: "orphan" });
  });

  it("follows a quote: kept words stay exact, rewritten ones are changed", () => {
    const a12 = article("第十二条");
    const kept = anchorForQuote(a12, "对电梯每十五日至少进行一次维护保养");
    const rewritten = anchorForQuote(a12, "并根据电梯使用频率、运行环境和故障情况增加维护保养次数");
    expect(placeSuggestion(pair, { stableKey: a12.id, anchor: kept })).toMatchObject({ status: "exact", newCitation: "第十二条" });
    expect(placeSuggestion(pair, { stableKey: a12.id, anchor: rewritten })).toMatchObject({ status: "changed", newCitation: "第十二条" });
  });

  it("treats 总体意见 as general, an unknown clause as orphan, and a malformed stored anchor as none", () => {
    expect(placeSuggestion(pair, { stableKey: null, anchor: null })).toEqual({ status: "general" });
    expect(placeSuggestion(pair, { stableKey: "no-such-node", anchor: null })).toEqual({ status: "orphan" });
    expect(readAnchor({ clauseId: "a8", quote: { exact: "" }, start: 0, end: 0 })).toBeNull();
    expect(readAnchor("junk")).toBeNull();
    expect(placeSuggestion(pair, { stableKey: article("第八条").id, anchor: { clauseId: 5 } })).toMatchObject({ status: "exact" });
  });
});

function suggestion(commentIds: string[], text: string, extra: Partial<ReportSuggestion> = {}): ReportSuggestion {
  return { commentIds, kind: "amend", text, suggestedText: null, redline: null, reasons: [], sources: ["居民 张**"], supporters: commentIds.length, anchorQuote: null, ...extra };
}

function report(items: Array<{ citation: string; stableKey: string | null; suggestions: ReportSuggestion[] }>): ReportDocument {
  return { items: items.map((item, i) => ({ seq: i + 1, clauseId: null, originalText: null, ...item })) } as unknown as ReportDocument;
}

describe("suggestions as the committee answers them", () => {
  it("makes one unit of the same suggestion from several contact points, in the draft's order, 总体意见 first", () => {
    const units = buildSuggestionUnits(
      [
        { consultationId: "c1", contactPoint: "前洲", doc: report([{ citation: "第十二条", stableKey: "a12", suggestions: [suggestion(["x1", "x2"], "建议缩短周期。", { reasons: ["频繁"] })] }]) },
        {
          consultationId: "c2",
          contactPoint: "洛社",
          doc: report([
            { citation: "总体意见", stableKey: null, suggestions: [suggestion(["y0"], "尽快出台。")] },
            { citation: "第十二条", stableKey: "a12", suggestions: [suggestion(["y1"], "建议 缩短周期！", { reasons: ["频繁", "高层多"] })] },
          ]),
        },
      ],
      (key) => ({ a12: 40 })[key],
    );
    expect(units.map((u) => u.citation)).toEqual(["总体意见", "第十二条"]);
    expect(units[1]).toMatchObject({ commentIds: ["x1", "x2", "y1"], contactPoints: ["前洲", "洛社"], supporters: 3, reasons: ["频繁", "高层多"] });
    expect(units[1].sources).toEqual(["前洲：居民 张**", "洛社：居民 张**"]);
  });

  it("reads the answer form: units with their default clause, an explanation required unless adopted", () => {
    const value = unitValue(["c1", "c2"], "第八条");
    expect(AdoptionFields.parse({ units: [value], decision: "adopted" })).toMatchObject({ units: [{ commentIds: ["c1", "c2"], citation: "第八条" }], explanation: null, newCitation: null });
    expect(AdoptionFields.safeParse({ units: [value], decision: "declined", explanation: "  " }).success).toBe(false);
    expect(AdoptionFields.safeParse({ units: ["bad id|"], decision: "adopted" }).success).toBe(false);
    expect(AdoptionFields.safeParse({ units: [], decision: "adopted" }).success).toBe(false);
    expect(AdoptionFields.parse({ units: [unitValue(["c1"], null)], decision: "partly", explanation: "见新条文。", newCitation: " 第 九 条 " }).newCitation).toBe("第九条");
  });

  it("counts a merged comparison row's suggestions over its articles", () => {
    expect(countForLabel({ 第五条: 2, 第六条: 3 }, "第五条、第六条")).toBe(5);
    expect(countForLabel({}, null)).toBe(0);
  });
});
