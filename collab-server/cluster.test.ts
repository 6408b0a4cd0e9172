// Several collab-server processes on one document through Redis: clients connected to different processes see each
// other's edits and presence; a process that loads the document late catches up; presence stays tied to its user
// across processes; the frozen channel makes every process drop writes to a closed forum's documents.
import crypto from "node:crypto";
import { Redis } from "ioredis";
import type { WebsocketProvider } from "y-websocket";
import { createTestDatabase, type TestDatabase } from "../test/helpers/database";
import { forumMinutesDocName } from "../app/utils/collab-token.server";
import {
  awarenessMessage,
  bodyOf,
  eventually,
  SECRET,
  startCollabProcess,
  storedText,
  Testbed,
  textOf,
  tokenFor,
  type CollabProcess,
} from "./test-helpers";

let db: TestDatabase;
const testbed = new Testbed(() => db.prisma, () => db.url);
const synced = (provider: WebsocketProvider) => eventually(() => provider.synced, 10_000);
const stateSeen = (p: WebsocketProvider, clientId: number) => p.awareness.getStates().get(clientId);
const children: CollabProcess[] = [];
let redis: Redis;

beforeAll(async () => {
  db = await createTestDatabase();
  redis = new Redis(process.env.REDIS_URL!);
});

afterEach(async () => {
  await testbed.cleanup();
  await Promise.all(children.splice(0).map((child) => child.process.stop()));
});

afterAll(async () => {
  redis.disconnect();
  await db.drop();
});

/** Two servers sharing a Redis prefix of their own (as two deployments would not). */
async function twoServers() {
  const prefix = `collab-cluster-${crypto.randomBytes(4).toString("hex")}`;
  const options = { redisUrl: process.env.REDIS_URL!, redisPrefix: prefix };
  const [a, b] = await Promise.all([testbed.start(options), testbed.start(options)]);
  return { a, b, prefix };
}

async function metricsOf(port: number): Promise<Record<string, number>> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { Authorization: `Bearer ${SECRET}` } });
  return (await response.json()) as Record<string, number>;
}

describe("several collab-server processes", () => {
  it("two processes with clients on each converge: edits and presence, as typed, stored once each", async () => {
    const env = { QUEUE_PREFIX: `collab-cluster-${crypto.randomBytes(4).toString("hex")}` };
    const [a, b] = await Promise.all([startCollabProcess(db.url, env), startCollabProcess(db.url, env)]);
    children.push(a, b);
    const room = forumMinutesDocName("c1");
    const clients = [a, b, a, b].map((server, i) => testbed.connect(server, room, tokenFor(room, "write", `u-${i}`, `代表${i}`)));
    await Promise.all(clients.map((c) => synced(c.provider)));

    bodyOf(clients[0].doc).insert(0, "甲");
    await eventually(() => clients.every((c) => textOf(c.doc) === "甲"));
    const typing = setInterval(() => {
      for (const [i, client] of clients.entries()) {
        const body = bodyOf(client.doc);
        body.insert(Math.floor(Math.random() * (body.length + 1)), String(i));
      }
    }, 10);
    try {
      await eventually(() => textOf(clients[1].doc).length > 200, 10_000);
    } finally {
      clearInterval(typing);
    }
    await eventually(() => clients.every((c) => textOf(c.doc) === textOf(clients[0].doc)), 10_000);
    expect(await storedText(db.prisma, room)).toBe(textOf(clients[0].doc));
    for (const digit of "0123") expect(textOf(clients[0].doc)).toContain(digit);
    // Each update was stored by the process its writer is connected to, and only there.
    const [ma, mb] = await Promise.all([metricsOf(a.port), metricsOf(b.port)]);
    const rows = await db.prisma.collabUpdate.count({ where: { docName: room } });
    expect(ma.updatesStored + mb.updatesStored).toBe(rows);
    expect(ma.relayedUpdatesApplied).toBeGreaterThan(0);
    expect(mb.relayedUpdatesApplied).toBeGreaterThan(0);

    // Presence both ways, under the names of the tokens; and gone when the client leaves.
    clients[0].provider.awareness.setLocalStateField("user", { name: "冒名", color: "#cc0000" });
    clients[1].provider.awareness.setLocalStateField("user", { name: "代表1", color: "#0000cc" });
    await eventually(() => stateSeen(clients[1].provider, clients[0].doc.clientID)?.user?.color === "#cc0000");
    expect(stateSeen(clients[1].provider, clients[0].doc.clientID)?.user).toEqual({ name: "代表0", color: "#cc0000" });
    await eventually(() => stateSeen(clients[0].provider, clients[1].doc.clientID)?.user?.name === "代表1");
    clients[0].provider.destroy();
    testbed.forget(clients[0].provider);
    await eventually(() => !stateSeen(clients[1].provider, clients[0].doc.clientID));
  });

  it("a process loading the document late reads what the other stored and shows who is already there", async () => {
    const { a, b } = await twoServers();
    const room = forumMinutesDocName("c2");
    const first = testbed.connect(a, room, tokenFor(room, "write", "u-first", "张三"));
    await synced(first.provider);
    bodyOf(first.doc).insert(0, "先到的记录");
    first.provider.awareness.setLocalStateField("user", { name: "张三" });
    await eventually(() => a.metrics.updatesStored >= 1);

    // b holds nothing of it yet: its first client makes it load the document, then it follows a.
    expect(b.metrics.documents).toBe(0);
    const late = testbed.connect(b, room, tokenFor(room, "write", "u-late", "李四"));
    await synced(late.provider);
    expect(textOf(late.doc)).toBe("先到的记录");
    // The presence of a's client arrives on request, not only at its next renewal (every 15 s).
    await eventually(() => stateSeen(late.provider, first.doc.clientID)?.user?.name === "张三", 5_000);

    bodyOf(late.doc).insert(0, "后到：");
    bodyOf(first.doc).insert(bodyOf(first.doc).length, "。");
    await eventually(() => textOf(first.doc) === "后到：先到的记录。" && textOf(late.doc) === "后到：先到的记录。");
    await eventually(async () => (await storedText(db.prisma, room)) === "后到：先到的记录。");
  });

  it("keeps a user's presence theirs across processes: no one on another process can overwrite or clear it", async () => {
    const { a, b } = await twoServers();
    const room = forumMinutesDocName("c3");
    const zhang = testbed.connect(a, room, tokenFor(room, "write", "u-zhang", "张三"));
    const li = testbed.connect(b, room, tokenFor(room, "read", "u-li", "李四"));
    await Promise.all([synced(zhang.provider), synced(li.provider)]);
    zhang.provider.awareness.setLocalStateField("user", { name: "张三", color: "#cc0000" });
    await eventually(() => stateSeen(li.provider, zhang.doc.clientID)?.user?.name === "张三");

    // A crafted client on b announces its own clientID and 张三's (a fake caret), then clears 张三's; only its own
    // state goes through.
    const raw = await testbed.openSocket(b, room, tokenFor(room, "read", "u-wang", "王五"));
    const clock = zhang.provider.awareness.meta.get(zhang.doc.clientID)!.clock;
    raw.send(
      awarenessMessage([
        { clientID: 777, clock: 1, state: { user: { name: "张三" } } },
        { clientID: zhang.doc.clientID, clock: clock + 10, state: { user: { name: "张三" }, cursor: 1 } },
      ]),
    );
    raw.send(awarenessMessage([{ clientID: zhang.doc.clientID, clock: clock + 11, state: null }]));
    raw.send(awarenessMessage([{ clientID: 777, clock: 2, state: { user: { name: "张三" }, last: true } }]));
    await eventually(() => stateSeen(zhang.provider, 777)?.last === true);
    expect(stateSeen(zhang.provider, 777)?.user).toEqual({ name: "王五" });
    expect(stateSeen(li.provider, zhang.doc.clientID)).toEqual({ user: { name: "张三", color: "#cc0000" } });
    expect(zhang.provider.awareness.getLocalState()).toEqual({ user: { name: "张三", color: "#cc0000" } });
  });

  it("reloads its documents from PostgreSQL after losing its Redis subscription, then follows again", async () => {
    const { a, b, prefix } = await twoServers();
    const room = forumMinutesDocName("c5");
    const writer = testbed.connect(a, room, tokenFor(room, "write", "u-a"));
    const reader = testbed.connect(b, room, tokenFor(room, "read", "u-b"));
    await Promise.all([synced(writer.provider), synced(reader.provider)]);
    bodyOf(writer.doc).insert(0, "断线前");
    await eventually(() => textOf(reader.doc) === "断线前");

    // Redis drops b's subscriber connection; what a publishes meanwhile b never hears.
    const clients = (await redis.call("CLIENT", "LIST")) as string;
    const line = clients.split("\n").find((l) => l.includes(` name=collab-sub:${prefix}:${b.relayId} `));
    await redis.call("CLIENT", "KILL", "ID", /\bid=(\d+)/.exec(line!)![1]);
    bodyOf(writer.doc).insert(3, "、断线时");
    await eventually(() => b.metrics.documentsReloaded === 1);
    await eventually(() => textOf(reader.doc) === "断线前、断线时");
    bodyOf(writer.doc).insert(bodyOf(writer.doc).length, "、之后");
    await eventually(() => textOf(reader.doc) === "断线前、断线时、之后");
  });

  it("freezes a closed forum's document on every process: writes are dropped and counted, reading goes on", async () => {
    const { a, b, prefix } = await twoServers();
    const room = forumMinutesDocName("c4");
    const writerA = testbed.connect(a, room, tokenFor(room, "write", "u-a"));
    const writerB = testbed.connect(b, room, tokenFor(room, "write", "u-b"));
    await Promise.all([synced(writerA.provider), synced(writerB.provider)]);
    bodyOf(writerA.doc).insert(0, "闭会前");
    await eventually(() => textOf(writerB.doc) === "闭会前");

    await redis.publish(`${prefix}:collab:frozen`, room);
    // Written once both processes have the freeze: each drops (and counts) its writer's update.
    await eventually(() => a.metrics.frozenDocuments === 1 && b.metrics.frozenDocuments === 1);
    bodyOf(writerA.doc).insert(bodyOf(writerA.doc).length, "甲");
    bodyOf(writerB.doc).insert(0, "乙");
    await eventually(() => a.metrics.ignoredFrozenUpdates > 0 && b.metrics.ignoredFrozenUpdates > 0);
    expect(await storedText(db.prisma, room)).toBe("闭会前");
    // Reading still works: a new reader gets the frozen text.
    const reader = testbed.connect(a, room, tokenFor(room, "read", "u-reader"));
    await synced(reader.provider);
    expect(textOf(reader.doc)).toBe("闭会前");
    expect(writerA.provider.wsconnected).toBe(true);
  });
});
