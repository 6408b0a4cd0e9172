// Awareness end to end: what one connection publishes reaches every viewer's browser, so its colour is checked,
// its size capped, and its rate limited; a connection that floods is closed.
import type { WebsocketProvider } from "y-websocket";
import { WebSocket } from "ws";
import { createTestDatabase, type TestDatabase } from "../test/helpers/database";
import { forumMinutesDocName } from "../app/utils/collab-token.server";
import { colorFor } from "../app/components/editor/collaboration";
import { awarenessMessage, eventually, Testbed, tokenFor } from "./test-helpers";

let db: TestDatabase;
const testbed = new Testbed(() => db.prisma, () => db.url);
const synced = (provider: WebsocketProvider) => eventually(() => provider.synced);
const stateSeen = (p: WebsocketProvider, clientId: number) => p.awareness.getStates().get(clientId);

beforeAll(async () => {
  db = await createTestDatabase();
});

afterEach(() => testbed.cleanup());

afterAll(async () => {
  await db.drop();
});

/** A caret as y-prosemirror publishes it (relative positions). */
const cursor = {
  anchor: { type: { client: 1, clock: 0 }, tname: null, item: { client: 1, clock: 3 }, assoc: 0 },
  head: { type: { client: 1, clock: 0 }, tname: null, item: { client: 1, clock: 5 }, assoc: 0 },
};

describe("awareness limits", () => {
  it("relays a state with a safe colour and its caret, and drops states and messages beyond the caps", async () => {
    const server = await testbed.start();
    const room = forumMinutesDocName("a1");
    const viewer = testbed.connect(server, room, tokenFor(room, "read", "u-zhang", "张三"));
    await synced(viewer.provider);
    const raw = await testbed.openSocket(server, room, tokenFor(room, "write", "u-wang", "王五"));
    const rawId = 515151;

    raw.send(awarenessMessage([{ clientID: rawId, clock: 1, state: { user: { name: "王五", color: "url(http://evil.example/beacon.png)" }, cursor } }]));
    await eventually(() => stateSeen(viewer.provider, rawId) !== undefined);
    expect(stateSeen(viewer.provider, rawId)).toEqual({ user: { name: "王五", color: colorFor("u-wang") }, cursor });

    raw.send(awarenessMessage([{ clientID: rawId, clock: 2, state: { user: { name: "王五" }, padding: "x".repeat(3_000) } }]));
    const oversized = Array.from({ length: 40 }, (_, i) => ({ clientID: rawId, clock: 3 + i, state: { user: { name: "王五" }, pad: "y".repeat(900) } }));
    raw.send(awarenessMessage(oversized));
    // Handled in order: once the viewer sees this one, the server has handled the two before.
    raw.send(awarenessMessage([{ clientID: rawId, clock: 50, state: { user: { name: "王五", color: "#047857" }, last: true } }]));
    await eventually(() => stateSeen(viewer.provider, rawId)?.last === true);
    expect(stateSeen(viewer.provider, rawId)).toEqual({ user: { name: "王五", color: "#047857" }, last: true });
    expect(server.metrics.refusedAwarenessStates).toBe(1);
    expect(server.metrics.refusedAwarenessMessages).toBe(1);
  });

  it("relays a burst, then holds back all but the latest state; the caret ends where it is", async () => {
    const server = await testbed.start({ limits: { awarenessBurst: 5, awarenessPerSecond: 10 } });
    const room = forumMinutesDocName("a2");
    const viewer = testbed.connect(server, room, tokenFor(room, "read", "u-zhang", "张三"));
    await synced(viewer.provider);
    const raw = await testbed.openSocket(server, room, tokenFor(room, "write", "u-wang", "王五"));
    const rawId = 525252;
    const seenClocks: number[] = [];
    viewer.provider.awareness.on("change", () => {
      const clock = stateSeen(viewer.provider, rawId)?.clock;
      if (typeof clock === "number" && seenClocks.at(-1) !== clock) seenClocks.push(clock);
    });

    for (let clock = 1; clock <= 60; clock++) {
      raw.send(awarenessMessage([{ clientID: rawId, clock, state: { user: { name: "王五" }, clock } }]));
    }
    await eventually(() => seenClocks.at(-1) === 60);
    expect(seenClocks.length).toBeLessThan(30);
    expect(server.metrics.throttledAwarenessMessages).toBeGreaterThan(30);
    expect(server.metrics.connections).toBe(2);
  });

  it("closes a connection that floods awareness, for good (4429)", async () => {
    const server = await testbed.start({ limits: { awarenessFloodPerSecond: 20 } });
    const room = forumMinutesDocName("a3");
    const raw = await testbed.openSocket(server, room, tokenFor(room, "write", "u-wang", "王五"));
    const closed = new Promise<number>((resolve) => raw.on("close", (code) => resolve(code)));
    for (let clock = 1; clock <= 200 && raw.readyState === WebSocket.OPEN; clock++) {
      raw.send(awarenessMessage([{ clientID: 535353, clock, state: { user: { name: "王五" }, clock } }]));
    }
    expect(await closed).toBe(4429);
    expect(server.metrics.droppedConnections).toBe(1);
    await eventually(() => server.metrics.connections === 0);
  });
});
