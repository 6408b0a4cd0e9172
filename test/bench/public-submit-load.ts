// Load generator for the public-submit benchmark, run as its own process (so that its work does not slow the web
// process's event loop): `node --import tsx test/bench/public-submit-load.ts URLS SECONDS CONNECTIONS RUN_ID OUT_FILE`.
// Keeps CONNECTIONS keep-alive connections busy posting the public form contract (spread over the comma-separated
// URLS, one per web process); each request carries a unique marker in `body`. Writes { durationMs, latencies,
// answered: [[marker, receiptNo]], failures } to OUT_FILE.
import fs from "node:fs";
import http from "node:http";

const [urls, seconds, connections, runId, outFile] = process.argv.slice(2);
const targets = urls.split(",").map((url) => new URL(url));
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connections) });
const RECEIPT = /回执号：([23456789A-HJKMNP-Z]{12})/;
/** Articles, paragraphs and items residents comment on, and general opinions. */
const CITATIONS = ["第十二条第二款", "第八条", "第十三条第一项", "", "第二十条", "第三条第二项"];

interface Answer {
  status: number;
  body: string;
}

function postOnce(target: URL, form: URLSearchParams): Promise<Answer> {
  const payload = form.toString();
  return new Promise((resolve) => {
    const request = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(payload) },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        response.on("error", () => resolve({ status: 0, body: "" }));
      },
    );
    request.on("error", () => resolve({ status: 0, body: "" }));
    request.end(payload);
  });
}

const latencies: number[] = [];
const answered: Array<[string, string]> = [];
const failures: Record<string, number> = {};
let sequence = 0;
const started = performance.now();
const stopAt = started + Number(seconds) * 1000;

async function worker(index: number) {
  const target = targets[index % targets.length];
  while (performance.now() < stopAt) {
    const n = sequence++;
    const marker = `bench-${runId}-${n}`;
    const form = new URLSearchParams({
      citation: CITATIONS[n % CITATIONS.length],
      body: `${marker} 建议明确维护保养的最低频次，并向业主公开维护保养记录。`,
      suggestedText: n % 2 ? "" : "维护保养单位应当每月向业主公开维护保养记录。",
      reason: n % 3 ? "" : "便于业主监督。",
      submitterName: "",
      submitterPhone: "",
    });
    const t0 = performance.now();
    const answer = await postOnce(target, form);
    latencies.push(performance.now() - t0);
    const receipt = answer.status === 200 ? RECEIPT.exec(answer.body)?.[1] : undefined;
    if (receipt) answered.push([marker, receipt]);
    else {
      const key = `status ${answer.status}`;
      failures[key] = (failures[key] ?? 0) + 1;
    }
  }
}

await Promise.all(Array.from({ length: Number(connections) }, (_, index) => worker(index)));
const durationMs = performance.now() - started;
agent.destroy();
fs.writeFileSync(outFile, JSON.stringify({ durationMs, latencies, answered, failures }));
