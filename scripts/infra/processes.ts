// Child processes of the platform (web, collab-server, worker), used by the run command and by tests.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The commands that run each part of the platform. */
export const PLATFORM_COMMANDS = {
  web: ["--import", "tsx", path.join(ROOT, "app/web-server.ts"), path.join(ROOT, "build/index.js")],
  collab: ["--import", "tsx", path.join(ROOT, "collab-server/index.ts")],
  worker: ["--import", "tsx", path.join(ROOT, "app/jobs/worker.ts")],
} as const;

export function startProcess(
  name: keyof typeof PLATFORM_COMMANDS,
  env: NodeJS.ProcessEnv,
  onLine: (line: string) => void,
): ManagedProcess {
  const child = spawn(process.execPath, [...PLATFORM_COMMANDS[name]], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout!, child.stderr!]) {
    readline.createInterface({ input: stream }).on("line", onLine);
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    name,
    child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
