// The collab benchmark's load generators run as child processes (forked with tsx), so that no client shares an
// event loop with the server or with the orchestrator. Parent and child exchange plain JSON messages { type, ... }.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface ChildMessage {
  type: string;
  [key: string]: unknown;
}

export class LoadProcess {
  private readonly child: ChildProcess;
  private readonly inbox: ChildMessage[] = [];
  private readonly waiters: Array<{ type: string; resolve: (m: ChildMessage) => void; reject: (e: Error) => void }> = [];
  private exitError: Error | null = null;
  readonly exited: Promise<void>;

  constructor(
    readonly name: string,
    script: string,
  ) {
    this.child = fork(path.join(import.meta.dirname, script), [], {
      execArgv: ["--import", "tsx", "--max-old-space-size=2048"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.child.on("message", (message: ChildMessage) => {
      if (message.type === "error") console.error(`[bench] ${name}: ${String(message.message)}`);
      const index = this.waiters.findIndex((w) => w.type === message.type || message.type === "error");
      if (index < 0) return void this.inbox.push(message);
      const [waiter] = this.waiters.splice(index, 1);
      if (message.type === "error") waiter.reject(new Error(`${name}: ${String(message.message)}`));
      else waiter.resolve(message);
    });
    this.exited = new Promise((resolve) =>
      this.child.once("exit", (code, signal) => {
        this.exitError = new Error(`${name} exited (${signal ?? code})`);
        for (const waiter of this.waiters.splice(0)) waiter.reject(this.exitError);
        resolve();
      }),
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  send(message: ChildMessage): void {
    if (this.child.connected) this.child.send(message);
  }

  /** The next message of `type` (earlier ones queued), rejecting on the child's error or exit, or after timeoutMs. */
  expect<T = ChildMessage>(type: string, timeoutMs = 120_000): Promise<T> {
    const index = this.inbox.findIndex((m) => m.type === type);
    if (index >= 0) return Promise.resolve(this.inbox.splice(index, 1)[0] as T);
    if (this.exitError) return Promise.reject(this.exitError);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const at = this.waiters.findIndex((w) => w.resolve === done);
        if (at >= 0) this.waiters.splice(at, 1);
        reject(new Error(`${this.name}: no "${type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (m: ChildMessage) => {
        clearTimeout(timer);
        resolve(m as T);
      };
      this.waiters.push({ type, resolve: done, reject: (e) => (clearTimeout(timer), reject(e)) });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill("SIGKILL");
    await this.exited;
  }
}

/** Starts `count` children of `script`; `stopAll` ends whichever are still running. */
export function startLoadProcesses(script: string, count: number, label: string): LoadProcess[] {
  return Array.from({ length: count }, (_, i) => new LoadProcess(`${label}#${i + 1}`, script));
}

export async function stopAll(children: LoadProcess[]): Promise<void> {
  await Promise.all(children.map((c) => c.stop()));
}

/** Splits `items` over `parts` lists, round-robin. */
export function spread<T>(items: T[], parts: number): T[][] {
  const lists: T[][] = Array.from({ length: parts }, () => []);
  items.forEach((item, i) => lists[i % parts].push(item));
  return lists;
}

/** Runs `task` over `items` with at most `limit` at once. */
export async function withConcurrency<T>(items: T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index], index);
    }
  });
  await Promise.all(lanes);
}

/** Child side: reports an exception to the parent instead of dying silently. */
export function reportErrors(): void {
  const report = (error: unknown) => {
    process.send?.({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  };
  process.on("uncaughtException", report);
  process.on("unhandledRejection", report);
  // The parent going away (Ctrl-C, crash) ends the child too.
  process.on("disconnect", () => process.exit(0));
}
