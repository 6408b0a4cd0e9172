// Residents submitting the public comment form (the contract of /p/<token>) as fast as the running app answers:
// a load generator in a second process keeps CONNECTIONS connections posting over loopback, limits raised through
// their settings. Every answered request (200 with 回执号：) must be stored exactly once, counted in the database by
// the unique marker each request carries in `body`, with the receipt number it was answered with.
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { spawn } from "node:child_process";
import { appUnderTest } from "./app-under-test";
import { percentile } from "./latency";
import type { BenchResult } from "./timing";

const SECONDS = Number(process.env.PUBLIC_SUBMIT_SECONDS ?? 20);
const WARM_UP_SECONDS = 3;
const CONNECTIONS = Number(process.env.PUBLIC_SUBMIT_CONNECTIONS ?? 16);
/**
 * Web processes serving the posts: one per core of the 2-core target machine, as the README's production setup runs
 * any number of them behind a load balancer (a Node process uses one core).
 */
const WEB_PROCESSES = Number(process.env.PUBLIC_SUBMIT_WEB_PROCESSES ?? 2);

interface LoadResult {
  durationMs: number;
  latencies: number[];
  answered: Array<[string, string]>;
  failures: Record<string, number>;
}

function runLoad(urls: string[], seconds: number, runId: string): Promise<LoadResult> {
  const out = path.join(os.tmpdir(), `public-submit-${runId}.json`);
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "public-submit-load.ts"), urls.join(","), String(seconds), String(CONNECTIONS), runId, out], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      const result = JSON.parse(fs.readFileSync(out, "utf8")) as LoadResult;
      fs.rmSync(out, { force: true });
      resolve(result);
    });
  });
}

export async function benchPublicSubmit(): Promise<BenchResult[]> {
  const app = await appUnderTest();
  const limits = { PUBLIC_COMMENT_LIMIT_PER_IP: "1000000000", PUBLIC_COMMENT_LIMIT_PER_CONSULTATION: "1000000000" };
  const webs = await Promise.all(Array.from({ length: WEB_PROCESSES }, () => app.startWeb(limits)));
  const consultation = await app.prisma.consultation.findFirstOrThrow({ orderBy: { createdAt: "asc" }, select: { id: true, publicToken: true } });
  const urls = webs.map((web) => `${web.url}/p/${consultation.publicToken}`);
  const runId = Date.now().toString(36);

  await runLoad(urls, WARM_UP_SECONDS, `${runId}w`);
  const load = await runLoad(urls, SECONDS, runId);
  await Promise.all(webs.map((web) => web.stop()));

  // Each answered marker must have exactly one row, carrying the receipt number the answer showed.
  const rows = await app.prisma.comment.findMany({ where: { body: { startsWith: `bench-${runId}-` } }, select: { body: true, receiptNo: true } });
  const stored = new Map<string, string[]>();
  for (const row of rows) {
    const marker = row.body.split(" ")[0];
    stored.set(marker, [...(stored.get(marker) ?? []), row.receiptNo ?? ""]);
  }
  let lostOrDuplicated = 0;
  for (const [marker, receiptNo] of load.answered) {
    const receipts = stored.get(marker) ?? [];
    if (receipts.length !== 1 || receipts[0] !== receiptNo) lostOrDuplicated++;
  }
  const answeredMarkers = new Set(load.answered.map(([marker]) => marker));
  const storedUnanswered = [...stored.keys()].filter((marker) => !answeredMarkers.has(marker)).length;

  const rps = Number((load.answered.length / (load.durationMs / 1000)).toFixed(1));
  const requests = load.latencies.length;
  console.log(
    `[bench] public-submit: ${requests} requests in ${(load.durationMs / 1000).toFixed(1)} s over ${CONNECTIONS} connections to ${WEB_PROCESSES} web process(es) = ${(requests / (load.durationMs / 1000)).toFixed(1)} req/s; ` +
      `answered with a receipt ${load.answered.length}, failures ${JSON.stringify(load.failures)}, stored without an answer ${storedUnanswered}; ` +
      `p50 ${percentile(load.latencies, 50)} ms; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} CPUs`,
  );
  return [
    { name: "public-submit.rps", value: rps, unit: "req/s", target: ">= 300" },
    { name: "public-submit.p99", value: percentile(load.latencies, 99), unit: "ms", target: "< 200 ms" },
    { name: "public-submit.lost-or-duplicated", value: lostOrDuplicated, unit: "requests", target: "= 0" },
  ];
}
