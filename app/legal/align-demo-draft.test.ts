// The demo draft's two versions (seeds/drafts) align exactly as their hand-written change list says.
// Unlike the corpus tests, this runs on every clone: the texts and the oracle are the project's own.
import fs from "node:fs";
import path from "node:path";
import { parseLegalText } from "./parse";
import { alignVersions, type AlignStatus } from "./align";

const DRAFTS = path.resolve(import.meta.dirname, "../../seeds/drafts");
const read = (name: string) => fs.readFileSync(path.join(DRAFTS, name), "utf8");

interface OracleEntry {
  v1: number | null;
  v2: number | number[] | null;
  kind: "unchanged" | "modified" | "deleted" | "moved" | "split" | "inserted" | "renumbered";
}

const oracle: { mapping: OracleEntry[] } = JSON.parse(/```json\n([\s\S]*?)```/.exec(read("elevator-changes.md"))![1]);

/** The status the aligner should report for each kind of change in the oracle. */
const EXPECTED_STATUS: Record<OracleEntry["kind"], AlignStatus> = {
  unchanged: "unchanged",
  renumbered: "unchanged",
  modified: "modified",
  deleted: "deleted",
  inserted: "added",
  moved: "moved",
  split: "split",
};

describe("demo draft v1 → v2", () => {
  const alignment = alignVersions(parseLegalText(read("elevator-v1.txt")), parseLegalText(read("elevator-v2.txt")));
  // The change list covers articles; a 序言 or 附件 of the drafts would have rows of its own.
  const rows = alignment.rows.filter((row) => row.kind === "article").map((row) => ({
    status: row.status,
    renumbered: row.renumbered,
    v1: row.old.map((n) => n.number).join(",") || null,
    v2: row.new.map((n) => n.number).join(",") || null,
  }));

  it.each(oracle.mapping.map((entry) => [entry.v1 ?? "—", entry.v2 ?? "—", entry] as const))(
    "old %s → new %s",
    (_v1, _v2, entry) => {
      const v1 = entry.v1 === null ? null : String(entry.v1);
      const v2 = entry.v2 === null ? null : [entry.v2].flat().join(",");
      const row = rows.find((r) => (v1 !== null ? r.v1 === v1 : r.v2 === v2));
      expect(row).toEqual(expect.objectContaining({ v1, v2, status: EXPECTED_STATUS[entry.kind] }));
      if (entry.kind === "renumbered") expect(row!.renumbered).toBe(true);
    },
  );

  it("reports no row the change list does not have", () => {
    expect(rows).toHaveLength(oracle.mapping.length);
  });
});
