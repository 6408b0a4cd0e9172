// `npm run bench [-- PREFIX]`: runs the benchmarks (only those whose names start with PREFIX, when given), prints a
// table and writes the figures of this run to test/bench/results.json.
import fs from "node:fs";
import path from "node:path";
import { benchParse } from "./parse.bench";
import { benchAlign } from "./align.bench";
import { benchLoginFlood } from "./login-flood.bench";
import { benchPublicSubmit } from "./public-submit.bench";
import {
  benchCollab200x200,
  benchCollab1000x50,
  benchCollab2procs,
  benchCollabKill9,
  benchCollabOpenDocuments,
  benchCollabChurn,
} from "./collab.bench";
import { benchReport } from "./report.bench";
import { tearDownAppUnderTest } from "./app-under-test";
import type { BenchResult } from "./timing";

/** Each benchmark with the names of the figures it reports, so a PREFIX can skip whole benchmarks. */
const BENCHES: Array<{ names: string[]; run: () => Promise<BenchResult[]> }> = [
  { names: ["parse.xingfa.median"], run: benchParse },
  { names: ["align.largest-pair.median", "comparison-table.largest-pair.median"], run: benchAlign },
  { names: ["login-flood.page-p50-quiet", "login-flood.page-p99"], run: benchLoginFlood },
  { names: ["public-submit.rps", "public-submit.p99", "public-submit.lost-or-duplicated"], run: benchPublicSubmit },
  { names: ["collab.stock.200x200.p99", "collab.200x200.p99"], run: benchCollab200x200 },
  { names: ["collab.stock.1000x50.p99", "collab.1000x50.p99"], run: benchCollab1000x50 },
  { names: ["collab.2procs.200x200.p99"], run: benchCollab2procs },
  { names: ["collab.kill9.resync-s", "collab.kill9.lost", "collab.kill9.seen-unstored"], run: benchCollabKill9 },
  { names: ["collab.stock.2000docs.rss-mb", "collab.2000docs.rss-mb"], run: benchCollabOpenDocuments },
  { names: ["collab.churn.docs-left"], run: benchCollabChurn },
  { names: ["report.aggregate-100k.s", "report.aggregate-100k.rss-mb", "report.docx-5000.s"], run: benchReport },
];

const prefix = process.argv[2] ?? "";
const selected = BENCHES.filter((b) => b.names.some((name) => name.startsWith(prefix)));
if (selected.length === 0) {
  console.error(`no benchmark name starts with "${prefix}"; names: ${BENCHES.flatMap((b) => b.names).join(", ")}`);
  process.exit(2);
}

const results: BenchResult[] = [];
try {
  for (const bench of selected) results.push(...(await bench.run()).filter((r) => r.name.startsWith(prefix)));
} finally {
  await tearDownAppUnderTest();
}

console.table(results.map((r) => ({ name: r.name, value: r.value, unit: r.unit, target: r.target })));
const file = path.join(import.meta.dirname, "results.json");
fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${path.relative(process.cwd(), file)}`);
process.exit(0);
