import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseChineseNumeral, toChineseNumeral } from "./numerals";

describe("parseChineseNumeral", () => {
  it.each([
    ["一", 1], ["十", 10], ["十二", 12], ["二十", 20], ["一百一十", 110], ["一百二十三", 123],
    ["一千零五", 1005], ["两百", 200], ["〇", 0], ["零", 0], ["一〇五", 105], ["四百五十二", 452],
    ["12", 12], ["１２", 12], ["一万零一", 10001],
  ])("%s → %d", (text, value) => expect(parseChineseNumeral(text)).toBe(value));

  it.each(["", "百", "十百", "二三十", "abc", "一点"])("rejects %j", (text) => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });
});

describe("toChineseNumeral", () => {
  it.each([
    [10, "十"], [11, "十一"], [20, "二十"], [110, "一百一十"], [123, "一百二十三"], [1005, "一千零五"],
    [1010, "一千零一十"], [505, "五百零五"], [10000, "一万"],
  ])("%d → %s", (value, text) => expect(toChineseNumeral(value)).toBe(text));

  it("round-trips 1..9999 (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), (n) => parseChineseNumeral(toChineseNumeral(n)) === n));
  });

  it("round-trips every number up to 9999 exhaustively", () => {
    for (let n = 1; n <= 9999; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
  });
});
