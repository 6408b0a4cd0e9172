import { describe, expect, it } from "vitest";
import { contextScore } from "./approximate-match";
import { bigramCounts, bigramProfile, containment, dice, unionProfile } from "./similarity";

describe("bigram profiles", () => {
  it("packs each pair of adjacent characters once, sorted; a single character stands for itself", () => {
    const profile = bigramProfile("安全安全");
    expect([...profile]).toEqual([...bigramCounts("安全安全").keys()].sort((a, b) => a - b));
    expect(profile).toHaveLength(2);
    expect([...bigramProfile("条")]).toEqual(["条".charCodeAt(0)]);
    expect(bigramProfile("")).toHaveLength(0);
  });

  it("counts repeated bigrams with the same codes as the profile", () => {
    const counts = bigramCounts("安全安全");
    expect([...counts.values()].sort()).toEqual([1, 2]);
    for (const code of bigramProfile("安全安全")) expect(counts.has(code)).toBe(true);
  });

  it("unites several profiles at once, as the profile of the texts side by side", () => {
    const parts = ["电梯使用单位", "应当建立", "安全管理制度"].map(bigramProfile);
    const union = unionProfile(parts);
    expect(union).toEqual(unionProfile([unionProfile(parts.slice(0, 2)), parts[2]]));
    for (const part of parts) expect(containment(part, union)).toBe(1);
    expect(dice(union, union)).toBe(1);
  });

  it("measures containment as the share of the part's bigrams found in the whole", () => {
    expect(containment(bigramProfile("维护保养"), bigramProfile("定期维护保养和检查"))).toBe(1);
    expect(containment(bigramProfile("维护检验"), bigramProfile("维护保养"))).toBeCloseTo(1 / 3);
    expect(containment(bigramProfile(""), bigramProfile("维护保养"))).toBe(0);
  });
});

describe("contextScore", () => {
  it("counts the characters agreeing with the recorded prefix and suffix", () => {
    const text = "建立协调机制，做好电梯安全工作。";
    const start = text.indexOf("做好");
    expect(contextScore(text, start, start + 2, "协调机制，", "电梯")).toBe(7);
    expect(contextScore(text, start, start + 2, "其他，", "监督")).toBe(1);
    expect(contextScore(text, 0, 2, "任何前文", "")).toBe(0);
  });
});
