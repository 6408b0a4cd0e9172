// "No client ever receives an update that a crash can lose": neither in a broadcast nor in the sync answer to a peer
// joining while updates are still being written; and after kill -9 of collab-server while clients type, the clients
// reconnect to the restarted server and everything any of them saw is in the database, all ending identical.
import crypto from "node:crypto";
import pg from "pg";
import * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { createTestDatabase, type TestDatabase } from "../test/helpers/database";
import { forumMinutesDocName } from "../app/utils/collab-token.server";
import {
  bodyOf,
  eventually,
  killHard,
  missingFrom,
  recordReceived,
  startCollabProcess,
  storedDoc,
  storedText,
  Testbed,
  textOf,
  tokenFor,
  type CollabProcess,
} from "./test-helpers";

let db: TestDatabase;
const testbed = new Testbed(() => db.prisma, () => db.url);
const synced = (provider: WebsocketProvider) => eventually(() => provider.synced, 15_000);
let child: CollabProcess | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterEach(async () => {
  await testbed.cleanup();
  await child?.process.stop();
  child = undefined;
});

afterAll(async () => {
  await db.drop();
});

describe("durability", () => {
  it("answers a joining peer only with what is stored, holding the answer while a write is in flight", async () => {
    const server = await testbed.start();
    const room = forumMinutesDocName("dur1");
    const writer = testbed.connect(server, room, tokenFor(room, "write", "u-writer"));
    const follower = testbed.connect(server, room, tokenFor(room, "read", "u-follower"));
    await Promise.all([synced(writer.provider), synced(follower.provider)]);
    bodyOf(writer.doc).insert(0, "已存");
    await eventually(() => textOf(follower.doc) === "已存");

    // Writes to the update log block behind this lock (reads do not): what is typed now stays unstored.
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query(`LOCK TABLE "CollabUpdate" IN EXCLUSIVE MODE`);
      bodyOf(writer.doc).insert(2, "未存");
      await eventually(async () => {
        const { rows } = await locker.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        );
        return rows[0].n > 0;
      });
      const joiner = testbed.connect(server, room, tokenFor(room, "read", "u-joiner"));
      await eventually(() => server.metrics.deferredSyncAnswers === 1);
      // It asked and got nothing yet; the follower saw nothing either; the database has only the first edit.
      expect(joiner.provider.synced).toBe(false);
      expect(textOf(joiner.doc)).toBe("");
      expect(textOf(follower.doc)).toBe("已存");
      expect(await storedText(db.prisma, room)).toBe("已存");
      await locker.query("COMMIT");
      await synced(joiner.provider);
      expect(textOf(joiner.doc)).toBe("已存未存");
      await eventually(() => textOf(follower.doc) === "已存未存");
      expect(await storedText(db.prisma, room)).toBe("已存未存");
    } finally {
      await locker.end();
    }
  });

  it("survives kill -9 while clients type: the clients reconnect, nothing any of them saw is lost, all end identical", async () => {
    const room = forumMinutesDocName("dur2");
    const env = { QUEUE_PREFIX: `collab-dur-${crypto.randomBytes(4).toString("hex")}` };
    child = await startCollabProcess(db.url, env);
    const port = child.port;
    const clients = Array.from({ length: 6 }, (_, i) => {
      const client = testbed.connect({ port }, room, tokenFor(room, "write", `u-${i}`, `代表${i}`));
      return { ...client, received: recordReceived(client.doc, client.provider), typed: 0 };
    });
    await Promise.all(clients.map((c) => synced(c.provider)));
    bodyOf(clients[0].doc).insert(0, "起");
    await eventually(() => clients.every((c) => textOf(c.doc) === "起"));

    // Every client types at a random place every few milliseconds, connected or not.
    const typing = setInterval(() => {
      for (const [i, client] of clients.entries()) {
        const body = bodyOf(client.doc);
        body.insert(Math.floor(Math.random() * (body.length + 1)), String(i));
        client.typed++;
      }
    }, 8);
    try {
      const seenFromOthers = () => clients.every((c) => c.received.length >= 30);
      await eventually(seenFromOthers, 15_000);
      await killHard(child.process);
      const receivedAtKill = clients.map((c) => c.received.length);
      await eventually(() => clients.every((c) => !c.provider.wsconnected));
      const typedOffline = clients.map((c) => c.typed);
      await eventually(() => clients.every((c, i) => c.typed > typedOffline[i] + 5));

      child = await startCollabProcess(db.url, env, port);
      await eventually(() => clients.every((c, i) => c.provider.synced && c.received.length > receivedAtKill[i] + 20), 20_000);
    } finally {
      clearInterval(typing);
    }

    const converged = () => clients.every((c) => textOf(c.doc) === textOf(clients[0].doc));
    await eventually(converged, 20_000);
    const expected = textOf(clients[0].doc);
    await eventually(async () => (await storedText(db.prisma, room)) === expected, 20_000);
    const stored = await storedDoc(db.prisma, room);
    for (const client of clients) expect(missingFrom(stored, client.received)).toEqual([]);
    // Every keystroke of every client made it.
    const typed = clients.reduce((sum, c) => sum + c.typed, 0);
    expect(expected.length).toBe(typed + 1);
    // A fresh client reads the same.
    const fresh = testbed.connect({ port }, room, tokenFor(room, "read", "u-fresh"));
    await synced(fresh.provider);
    expect(textOf(fresh.doc)).toBe(expected);
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(stored));
  });
});
