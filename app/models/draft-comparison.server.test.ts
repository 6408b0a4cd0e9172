import fs from "node:fs";
import path from "node:path";
import { comparisonRows, pickComparedPair } from "./draft-comparison.server";
import { countChanges, isChangedRow } from "~/components/legislature/comparison-view";

const v = (id: string, versionNo: number) => ({ id, versionNo, label: `v${versionNo}`, publishedAt: null });

describe("pickComparedPair", () => {
  const versions = [v("c", 3), v("a", 1), v("b", 2)];

  it("compares the latest version with the one before it by default", () => {
    expect(pickComparedPair(versions, null, null)).toMatchObject({ from: { id: "b" }, to: { id: "c" } });
    expect(pickComparedPair(versions, null, "b")).toMatchObject({ from: { id: "a" }, to: { id: "b" } });
    expect(pickComparedPair(versions, "a", "c")).toMatchObject({ from: { id: "a" }, to: { id: "c" } });
  });

  it("has nothing to compare with a single version, and refuses ids of no version", () => {
    expect(pickComparedPair([v("a", 1)], null, null)).toBeNull();
    expect(pickComparedPair(versions, null, "a")).toBeNull();
    expect(pickComparedPair(versions, "x", null)).toBe("unknown");
    expect(pickComparedPair(versions, null, "x")).toBe("unknown");
  });
});

describe("comparisonRows", () => {
  it("gives the demo draft's 修改对照表 with the changes the change list names, and the same rows again from the cache", () => {
    const read = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../../seeds/drafts", name), "utf8");
    const rows = comparisonRows(read("elevator-v1.txt"), read("elevator-v2.txt"));
    expect(comparisonRows(read("elevator-v1.txt"), read("elevator-v2.txt"))).toBe(rows);
    const counts = countChanges(rows);
    expect(counts.added).toBeGreaterThan(0);
    expect(counts.deleted).toBeGreaterThan(0);
    expect(counts.modified).toBeGreaterThan(0);
    const twelfth = rows.find((r) => r.new?.label === "第十二条")!;
    expect(twelfth.status).toBe("modified");
    expect(twelfth.segments.some((s) => s.op === "insert" && s.text.includes("每七日至少进行一次维护保养"))).toBe(true);
    expect(rows.filter(isChangedRow).length).toBeLessThan(rows.length);
  });
});
