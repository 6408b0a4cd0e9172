// `npm run bench`: runs every benchmark, prints a table and writes test/bench/results.json.
import fs from "node:fs";
import path from "node:path";
import { benchParse } from "./parse.bench";
import { benchAlign } from "./align.bench";
import type { BenchResult } from "./timing";

const benches: Array<() => Promise<BenchResult[]>> = [benchParse, benchAlign];

const results: BenchResult[] = [];
for (const bench of benches) results.push(...(await bench()));

console.table(results.map((r) => ({ name: r.name, value: r.value, unit: r.unit, target: r.target })));
const file = path.join(import.meta.dirname, "results.json");
fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${path.relative(process.cwd(), file)}`);
