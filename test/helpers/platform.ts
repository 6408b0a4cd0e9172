// Starts real platform processes (the built web app, collab-server, worker) for a test, on free ports.
import crypto from "node:crypto";
import { freePort, waitForPort } from "../../scripts/infra/free-port";
import { startProcess, type ManagedProcess } from "../../scripts/infra/processes";

export interface RunningPlatform {
  webUrl: string;
  collabUrl: string;
  logs: string[];
  stop(): Promise<void>;
}

export async function startPlatform(
  databaseUrl: string,
  parts: Array<"web" | "collab" | "worker">,
  /** Overrides; `undefined` removes a variable (e.g. to start a process without SESSION_SECRET). */
  extraEnv: Record<string, string | undefined> = {},
): Promise<RunningPlatform> {
  const [port, collabPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    COLLAB_PORT: String(collabPort),
    DATABASE_URL: databaseUrl,
    // Its own Redis keys (queue, login counters), so test files running side by side do not share counters.
    QUEUE_PREFIX: `lifa-test-${crypto.randomBytes(4).toString("hex")}`,
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(extraEnv)) if (value === undefined) delete env[name];
  const logs: string[] = [];
  const processes: ManagedProcess[] = parts.map((name) => startProcess(name, env, (line) => logs.push(`[${name}] ${line}`)));
  const stop = async () => void (await Promise.all(processes.map((p) => p.stop())));
  try {
    if (parts.includes("web")) await waitForPort(port);
    if (parts.includes("collab")) await waitForPort(collabPort);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${logs.join("\n")}`);
  }
  return { webUrl: `http://127.0.0.1:${port}`, collabUrl: `ws://127.0.0.1:${collabPort}`, logs, stop };
}
