// A logged-in user's page while a burst of wrong passwords arrives: 40 concurrent bad logins (throttle limits
// raised so that every one of them reaches the password check), with /staff fetched one request after another
// meanwhile. Password hashing runs on a worker thread with a bounded queue, so the page should barely notice.
import { appUnderTest } from "./app-under-test";
import { percentile, timed } from "./latency";
import type { BenchResult } from "./timing";
import { DEMO_PASSWORD } from "../../seeds/demo-data";

const FLOOD = 40;
const ROUNDS = 5;

export async function benchLoginFlood(): Promise<BenchResult[]> {
  const app = await appUnderTest();
  const web = await app.startWeb({ LOGIN_MAX_FAILURES_PER_ACCOUNT: "100000", LOGIN_MAX_FAILURES_PER_IP: "100000" });
  const login = await fetch(`${web.url}/login`, { method: "POST", body: new URLSearchParams({ username: "qianzhou", password: DEMO_PASSWORD }), redirect: "manual" });
  const cookie = login.headers.get("set-cookie")!.split(";")[0];
  const page = () => fetch(`${web.url}/staff`, { headers: { Cookie: cookie } }).then((r) => r.text());

  const quiet: number[] = [];
  for (let i = 0; i < 50; i++) quiet.push(await timed(page));

  const underFlood: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let done = false;
    const flood = Promise.all(
      Array.from({ length: FLOOD }, (_, i) =>
        fetch(`${web.url}/login`, { method: "POST", body: new URLSearchParams({ username: `flood${round}-${i}`, password: "wrong" }) }).then((r) => r.text()),
      ),
    ).finally(() => (done = true));
    while (!done) underFlood.push(await timed(page));
    await flood;
  }
  await web.stop();
  return [
    { name: "login-flood.page-p50-quiet", value: percentile(quiet, 50), unit: "ms", target: "reference" },
    { name: "login-flood.page-p99", value: percentile(underFlood, 99), unit: "ms", target: "< 200 ms" },
  ];
}
