// Passwords are hashed with bcrypt (bcryptjs: pure JS, no native build). Checking one costs ~100 ms of CPU, so it
// runs on one worker thread, never on the thread that serves pages, and at most MAX_WAITING checks queue for it:
// a burst of bad logins then slows only other logins, which are refused as busy beyond that.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import bcrypt from "bcryptjs";

const COST = 10;
const MAX_WAITING = 16;

export class PasswordCheckBusyError extends Error {
  constructor() {
    super("too many password checks waiting");
  }
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const bcrypt = require(workerData.bcryptPath);
parentPort.on("message", ({ id, password, hash }) => {
  let ok = false;
  try { ok = bcrypt.compareSync(password, hash); } catch {}
  parentPort.postMessage({ id, ok });
});`;

type Pending = { resolve: (ok: boolean) => void; reject: (error: Error) => void };

const globalForWorker = globalThis as unknown as { __passwordWorker?: { worker: Worker; pending: Map<number, Pending>; nextId: number } };

function passwordWorker() {
  if (!globalForWorker.__passwordWorker) {
    const bcryptPath = createRequire(import.meta.url).resolve("bcryptjs");
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bcryptPath } });
    worker.unref();
    const state = { worker, pending: new Map<number, Pending>(), nextId: 1 };
    worker.on("message", ({ id, ok }: { id: number; ok: boolean }) => {
      state.pending.get(id)?.resolve(ok);
      state.pending.delete(id);
    });
    worker.on("error", (error) => {
      console.error(`password worker failed: ${error.message}`);
      for (const p of state.pending.values()) p.reject(error);
      globalForWorker.__passwordWorker = undefined;
    });
    globalForWorker.__passwordWorker = state;
  }
  return globalForWorker.__passwordWorker;
}

/** Throws PasswordCheckBusyError when too many checks are already waiting. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  const state = passwordWorker();
  if (state.pending.size >= MAX_WAITING) return Promise.reject(new PasswordCheckBusyError());
  const id = state.nextId++;
  return new Promise((resolve, reject) => {
    state.pending.set(id, { resolve, reject });
    state.worker.postMessage({ id, password, hash });
  });
}
