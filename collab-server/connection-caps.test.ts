// Connection caps: per document, per user on one document, per user overall; refused with 429 before any
// WebSocket exists, counting connections whose document is still loading.
import type { WebSocket } from "ws";
import { createTestDatabase, type TestDatabase } from "../test/helpers/database";
import { forumMinutesDocName } from "../app/utils/collab-token.server";
import type { PrismaClient } from "../app/utils/db.server";
import { createConnectionCaps } from "./connection-caps";
import { eventually, Testbed, tokenFor } from "./test-helpers";

let db: TestDatabase;
let prisma: PrismaClient;
const testbed = new Testbed(() => prisma);

beforeAll(async () => {
  db = await createTestDatabase();
});

afterEach(async () => {
  await testbed.cleanup();
  prisma = db.prisma;
});

afterAll(async () => {
  await db.drop();
});

describe("createConnectionCaps", () => {
  const caps = () => createConnectionCaps({ maxConnectionsPerDocument: 3, maxConnectionsPerUserDocument: 2, maxConnectionsPerUser: 3 });

  it("caps a user on one document, a user overall, and a document, and frees a slot on release", () => {
    const c = caps();
    const first = c.reserve({ userId: "a", docName: "d1" });
    expect(first.ok).toBe(true);
    expect(c.reserve({ userId: "a", docName: "d1" }).ok).toBe(true);
    expect(c.reserve({ userId: "a", docName: "d1" })).toEqual({ ok: false, cap: "user-document" });
    expect(c.reserve({ userId: "a", docName: "d2" }).ok).toBe(true);
    expect(c.reserve({ userId: "a", docName: "d3" })).toEqual({ ok: false, cap: "user" });
    expect(c.reserve({ userId: "b", docName: "d1" }).ok).toBe(true);
    expect(c.reserve({ userId: "c", docName: "d1" })).toEqual({ ok: false, cap: "document" });
    if (first.ok) {
      first.release();
      first.release();
    }
    expect(c.reserve({ userId: "c", docName: "d1" }).ok).toBe(true);
    expect(c.reserve({ userId: "c", docName: "d1" })).toEqual({ ok: false, cap: "document" });
  });

  it("keeps users and documents apart whatever their names hold", () => {
    const c = createConnectionCaps({ maxConnectionsPerDocument: 9, maxConnectionsPerUserDocument: 1, maxConnectionsPerUser: 9 });
    expect(c.reserve({ userId: "a:b", docName: "c" }).ok).toBe(true);
    expect(c.reserve({ userId: "a", docName: "b:c" }).ok).toBe(true);
  });
});

describe("connection caps on the server", () => {
  it("answers 429 to a user's connection beyond the cap on one document, and beyond the cap overall", async () => {
    const server = await testbed.start({ limits: { maxConnectionsPerUserDocument: 3, maxConnectionsPerUser: 5 } });
    const [d1, d2, d3] = ["c1", "c2", "c3"].map(forumMinutesDocName);
    const open = (room: string, userId: string) => testbed.rawUpgrade(server, `/${room}?token=${tokenFor(room, "read", userId)}`);

    for (let i = 0; i < 3; i++) expect(await open(d1, "u-reader")).toBe("open");
    expect(await open(d1, "u-reader")).toBe(429);
    expect(await open(d1, "u-other")).toBe("open");
    for (let i = 0; i < 2; i++) expect(await open(d2, "u-reader")).toBe("open");
    expect(await open(d3, "u-reader")).toBe(429);
    expect(server.metrics.overCapUpgrades).toBe(2);
    expect(server.metrics.connections).toBe(6);
  });

  it("counts connections whose document is still loading, and frees the slot when one closes", async () => {
    let releaseLoad = () => {};
    const loading = new Promise<void>((resolve) => (releaseLoad = resolve));
    // The document's stored updates arrive only once the test lets them.
    prisma = new Proxy(db.prisma, {
      get(target, property, receiver) {
        if (property !== "collabUpdate") return Reflect.get(target, property, receiver);
        const delegate = target.collabUpdate;
        return new Proxy(delegate, {
          get: (d, p, r) => (p === "findMany" ? (...args: unknown[]) => loading.then(() => (d.findMany as Function)(...args)) : Reflect.get(d, p, r)),
        });
      },
    });
    const server = await testbed.start({ limits: { maxConnectionsPerUserDocument: 2 } });
    const room = forumMinutesDocName("c4");
    const upgrade = () => testbed.rawUpgrade(server, `/${room}?token=${tokenFor(room, "read", "u-reader")}`);
    const sockets: WebSocket[] = [];
    try {
      for (let i = 0; i < 2; i++) sockets.push(await testbed.openSocket(server, room, tokenFor(room, "read", "u-reader")));
      expect(server.metrics.documents).toBe(0);
      expect(await upgrade()).toBe(429);
    } finally {
      releaseLoad();
    }
    await eventually(() => server.metrics.documents === 1);
    // A connection is read only once its document has loaded, its close frame too.
    sockets[0].close();
    await eventually(() => server.metrics.connections === 1);
    expect(await upgrade()).toBe("open");
  });
});
