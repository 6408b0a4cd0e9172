// Alignment speed on the largest revision pair of the corpus (by characters, old + new), after parsing.
import fs from "node:fs";
import path from "node:path";
import { alignVersions } from "../../app/legal/align";
import { buildComparisonTable } from "../../app/legal/comparison-table";
import { parseLegalText } from "../../app/legal/parse";
import { timeMedian, type BenchResult } from "./timing";

const PAIRS = path.resolve(import.meta.dirname, "../../../shared/corpus/pairs");
function largestPair(): { name: string; oldText: string; newText: string } {
  const names = [...new Set(fs.readdirSync(PAIRS).map((file) => file.replace(/\.(old|new)\.txt$/u, "")))];
  const pairs = names.map((name) => ({
    name,
    oldText: fs.readFileSync(path.join(PAIRS, `${name}.old.txt`), "utf8"),
    newText: fs.readFileSync(path.join(PAIRS, `${name}.new.txt`), "utf8"),
  }));
  return pairs.reduce((a, b) => (b.oldText.length + b.newText.length > a.oldText.length + a.newText.length ? b : a));
}

export async function benchAlign(): Promise<BenchResult[]> {
  if (!fs.existsSync(PAIRS)) {
    console.log(`benchAlign: skipped, corpus not found at ${PAIRS}`);
    return [];
  }
  const pair = largestPair();
  const oldDoc = parseLegalText(pair.oldText);
  const newDoc = parseLegalText(pair.newText);
  console.log(`benchAlign: ${pair.name} (${pair.oldText.length} + ${pair.newText.length} characters)`);
  return [
    { name: "align.largest-pair.median", value: timeMedian(() => alignVersions(oldDoc, newDoc)), unit: "ms", target: "< 200 ms" },
    {
      name: "comparison-table.largest-pair.median",
      value: timeMedian(() => buildComparisonTable(oldDoc, newDoc, { clauses: true, headings: true })),
      unit: "ms",
      target: "< 500 ms",
    },
  ];
}
