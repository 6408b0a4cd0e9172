// collab-server and all its clients killed at once (SIGKILL), with clients joining and leaving throughout: nothing
// that any client had received is missing from the database. The clients run in a child process of their own
// (test-typists.ts), writing what they receive to a file as it arrives. The last round kills them during a slow
// commit (the update log locked by the test), the moment when most is in memory and not yet stored.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "../test/helpers/database";
import { forumMinutesDocName } from "../app/utils/collab-token.server";
import { eventually, killHard, missingFrom, SECRET, startCollabProcess, storedDoc, textOf, type CollabProcess } from "./test-helpers";

let db: TestDatabase;
let server: CollabProcess | undefined;
let typists: ChildProcess | undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "collab-kill-all-"));

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  typists?.kill("SIGKILL");
  await server?.process.stop();
  await db.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function startTypists(port: number, docName: string, out: string) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "test-typists.ts")], {
    env: { ...process.env, TYPISTS_URL: `ws://127.0.0.1:${port}`, TYPISTS_DOC: docName, TYPISTS_OUT: out, COLLAB_SECRET: SECRET, TYPISTS_COUNT: "6" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const progress = { joins: 0 };
  readline.createInterface({ input: child.stdout! }).on("line", (line) => {
    if (line.startsWith("joined")) progress.joins++;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, progress, exited };
}

/** The updates in the file: whole lines only (a line being written when the process died is not one yet). */
function receivedIn(file: string): Uint8Array[] {
  if (!fs.existsSync(file)) return [];
  const lines = fs.readFileSync(file, "utf8").split("\n");
  lines.pop();
  return lines.map((line) => new Uint8Array(Buffer.from(line, "base64")));
}

/** Holds an EXCLUSIVE lock on the update log (reads pass, writes wait) until rolled back; returns once a write waits. */
async function lockUpdateLog(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE "CollabUpdate" IN EXCLUSIVE MODE`);
  await eventually(async () => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
    );
    return rows[0].n > 0;
  });
  return client;
}

const linesIn = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").length - 1 : 0);

describe("kill -9 of collab-server and every client at once", () => {
  it("loses nothing any client had received, round after round", async () => {
    const docName = forumMinutesDocName("kill-all");
    const env = { QUEUE_PREFIX: `collab-kill-${crypto.randomBytes(4).toString("hex")}` };
    let port: number | undefined;
    for (const round of [1, 2, 3]) {
      const slowCommit = round === 3;
      server = await startCollabProcess(db.url, env, port);
      port = server.port;
      const out = path.join(dir, `received-${round}.txt`);
      const run = startTypists(port, docName, out);
      typists = run.child;
      // Enough traffic, and enough clients joining (each fetching the document while others type).
      await eventually(() => run.progress.joins >= 12 && linesIn(out) >= 300, 30_000);
      const locker = slowCommit ? await lockUpdateLog() : null;
      if (locker) {
        // Typing and joining go on while nothing can be stored.
        const joins = run.progress.joins;
        await eventually(() => run.progress.joins >= joins + 4, 10_000);
      }
      // Both at once: neither outlives the other by more than the two kill() calls.
      run.child.kill("SIGKILL");
      await Promise.all([killHard(server.process), run.exited]);
      // The write that was waiting still commits when the lock goes (PostgreSQL finishes a statement it received);
      // what was queued behind it is gone with the process.
      await locker?.query("ROLLBACK");
      await locker?.end();

      const received = receivedIn(out);
      const stored = await storedDoc(db.prisma, docName);
      expect(received.length).toBeGreaterThanOrEqual(300);
      expect(missingFrom(stored, received)).toEqual([]);
      expect(textOf(stored).length).toBeGreaterThan(0);
    }
  });
});
