// Feedback reports at scale: a 300-article draft with 100 000 comments from 50 contact points (report-data.ts).
// report.aggregate-100k.s — reading, grouping and compiling the 50 reports and merging them into the committee's
//   aggregate (report-aggregate.child.ts, in a process of its own); report.aggregate-100k.rss-mb — that process's
//   peak RSS; report.docx-5000.s — the Word file of 5 000 suggestions of that aggregate.
import { execFile } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { appUnderTest } from "./app-under-test";
import { generateReportBenchData } from "./report-data";
import type { BenchResult } from "./timing";

const run = promisify(execFile);

function machineLoad(): string {
  return `load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} CPUs`;
}

export async function benchReport(): Promise<BenchResult[]> {
  const app = await appUnderTest();
  const generating = performance.now();
  const data = await generateReportBenchData(app.prisma);
  console.log(`[report] generated ${data.comments} comments on ${data.consultationIds.length} consultations in ${((performance.now() - generating) / 1000).toFixed(1)} s`);

  console.log(`[report] before: ${machineLoad()}`);
  const child = path.join(import.meta.dirname, "report-aggregate.child.ts");
  const { stdout } = await run(process.execPath, ["--import", "tsx", child, data.draftId], {
    env: { ...process.env, DATABASE_URL: app.databaseUrl, NODE_ENV: "production" },
    maxBuffer: 16 * 1024 * 1024,
  });
  console.log(`[report] after: ${machineLoad()}`);
  const figures = JSON.parse(stdout.trim().split("\n").pop()!) as Record<string, number>;
  console.log(`[report] ${JSON.stringify(figures)}`);

  return [
    { name: "report.aggregate-100k.s", value: Number(figures.aggregateSeconds.toFixed(2)), unit: "s", target: "< 10 s" },
    { name: "report.aggregate-100k.rss-mb", value: Math.round(figures.rssMb), unit: "MiB", target: "reported" },
    { name: "report.docx-5000.s", value: Number(figures.docxSeconds.toFixed(2)), unit: "s", target: "< 10 s" },
  ];
}
