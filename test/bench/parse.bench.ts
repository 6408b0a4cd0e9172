// Parse speed on the largest corpus text: 中华人民共和国刑法 (75k characters, 505 articles, 53 of them 第X条之N).
import fs from "node:fs";
import path from "node:path";
import { parseLegalText } from "../../app/legal/parse";
import { timeMedian, type BenchResult } from "./timing";

const XINGFA = path.resolve(import.meta.dirname, "../../../shared/corpus/laws/中华人民共和国刑法.txt");

export async function benchParse(): Promise<BenchResult[]> {
  if (!fs.existsSync(XINGFA)) {
    console.log(`benchParse: skipped, corpus not found at ${XINGFA}`);
    return [];
  }
  const text = fs.readFileSync(XINGFA, "utf8");
  return [{ name: "parse.xingfa.median", value: timeMedian(() => parseLegalText(text)), unit: "ms", target: "< 20 ms" }];
}
