// Parse speed on the largest corpus text: 中华人民共和国刑法 (75k characters, 505 articles, 53 of them 第X条之N).
import fs from "node:fs";
import path from "node:path";
import { parseLegalText } from "../../app/legal/parse";

const XINGFA = path.resolve(import.meta.dirname, "../../../shared/corpus/laws/中华人民共和国刑法.txt");
const WARM_UP = 5;
const RUNS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function benchParse(): Promise<Array<{ name: string; value: number; unit: string; target: string }>> {
  if (!fs.existsSync(XINGFA)) {
    console.log(`benchParse: skipped, corpus not found at ${XINGFA}`);
    return [];
  }
  const text = fs.readFileSync(XINGFA, "utf8");
  for (let i = 0; i < WARM_UP; i++) parseLegalText(text);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    parseLegalText(text);
    times.push(performance.now() - start);
  }
  return [{ name: "parse.xingfa.median", value: Number(median(times).toFixed(2)), unit: "ms", target: "< 20 ms" }];
}
