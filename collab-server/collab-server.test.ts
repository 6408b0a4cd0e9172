// collab-server end to end: stock y-websocket clients against a server on port 0 and a real PostgreSQL database.
import * as Y from "yjs";
import { WebSocket } from "ws";
import type { WebsocketProvider } from "y-websocket";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import { createTestDatabase, type TestDatabase } from "../test/helpers/database";
import { issueCollabToken, forumMinutesDocName } from "../app/utils/collab-token.server";
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS } from "./messages";
import {
  awarenessMessage,
  bodyOf,
  eventually,
  minutesOf,
  SECRET,
  storedText as storedTextIn,
  Testbed,
  textOf,
  tokenFor,
} from "./test-helpers";

let db: TestDatabase;
const testbed = new Testbed(() => db.prisma, () => db.url);
const startServer = testbed.start.bind(testbed);
const connect = testbed.connect.bind(testbed);
const openSocket = testbed.openSocket.bind(testbed);
const rawUpgrade = testbed.rawUpgrade.bind(testbed);
const storedText = (docName: string) => storedTextIn(db.prisma, docName);
const synced = (provider: WebsocketProvider) => eventually(() => provider.synced);

beforeAll(async () => {
  db = await createTestDatabase();
});

afterEach(() => testbed.cleanup());

afterAll(async () => {
  await db.drop();
});

describe("collab-server", () => {
  it("syncs an edit between two clients and stores it", async () => {
    const server = await startServer();
    const room = forumMinutesDocName("f1");
    const a = connect(server, room, tokenFor(room, "write", "u-a"));
    const b = connect(server, room, tokenFor(room, "write", "u-b"));
    await Promise.all([synced(a.provider), synced(b.provider)]);

    bodyOf(a.doc).insert(0, "座谈会记录：与会代表一致认为，第十二条应当明确听证程序。");
    await eventually(() => textOf(b.doc) === textOf(a.doc));
    // Broadcast only after storing: what b sees is already in the database.
    expect(await storedText(room)).toBe(textOf(b.doc));
    bodyOf(b.doc).insert(bodyOf(b.doc).length, "（联络员补充）");
    await eventually(() => textOf(a.doc).endsWith("（联络员补充）"));

    await eventually(() => server.metrics.updatesStored >= 2);
    expect(await storedText(room)).toBe("座谈会记录：与会代表一致认为，第十二条应当明确听证程序。（联络员补充）");
    const authors = await db.prisma.collabUpdate.findMany({ where: { docName: room }, select: { userId: true } });
    expect(new Set(authors.map((u) => u.userId))).toEqual(new Set(["u-a", "u-b"]));
    expect(server.metrics.connections).toBe(2);
    expect(server.metrics.documents).toBe(1);
  });

  it("refuses a missing, forged, expired or other-room token with 401", async () => {
    const server = await startServer();
    const room = forumMinutesDocName("f2");
    const valid = tokenFor(room);
    const [payload, signature] = valid.split(".");
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), mode: "write", userId: "intruder" }),
    ).toString("base64url");
    const expired = issueCollabToken(
      { userId: "u", userName: "过期", docName: room, mode: "write" },
      SECRET,
      60,
      Date.now() - 3_600_000,
    );
    const otherRoom = tokenFor(forumMinutesDocName("other"));

    expect(await rawUpgrade(server, `/${room}`)).toBe(401);
    expect(await rawUpgrade(server, `/${room}?token=${forgedPayload}.${signature}`)).toBe(401);
    expect(await rawUpgrade(server, `/${room}?token=${valid.slice(0, -2)}xx`)).toBe(401);
    expect(await rawUpgrade(server, `/${room}?token=${expired}`)).toBe(401);
    expect(await rawUpgrade(server, `/${room}?token=${otherRoom}`)).toBe(401);
    expect(await rawUpgrade(server, `/${encodeURIComponent(room)}?token=${valid}`)).toBe("open");
    expect(server.metrics.refusedUpgrades).toBe(5);

    // The stock client keeps retrying and never syncs.
    const refused = connect(server, room, `${forgedPayload}.${signature}`);
    const anonymous = connect(server, room);
    await eventually(() => server.metrics.refusedUpgrades >= 5 + 2 * 2);
    expect(refused.provider.synced).toBe(false);
    expect(anonymous.provider.synced).toBe(false);
    expect(server.metrics.connections).toBe(1);
  });

  it("lets a read-only client follow the document but not change it", async () => {
    const server = await startServer();
    const room = forumMinutesDocName("f3");
    const writer = connect(server, room, tokenFor(room, "write"));
    await synced(writer.provider);
    bodyOf(writer.doc).insert(0, "第一条 为了保障人民群众有序参与立法");
    await eventually(() => server.metrics.updatesStored >= 1);

    const reader = connect(server, room, tokenFor(room, "read", "u-reader", "旁听者"));
    await synced(reader.provider);
    expect(textOf(reader.doc)).toBe("第一条 为了保障人民群众有序参与立法");

    const ignoredBefore = server.metrics.ignoredReadOnlyMessages;
    bodyOf(reader.doc).insert(0, "【篡改】");
    // Sent after the edit on the same socket: once the writer sees it, the server has handled the edit.
    reader.provider.awareness.setLocalStateField("user", { name: "旁听者" });
    await eventually(() => writer.provider.awareness.getStates().get(reader.doc.clientID)?.user?.name === "旁听者");
    expect(textOf(writer.doc)).not.toContain("【篡改】");
    expect(server.metrics.ignoredReadOnlyMessages).toBeGreaterThan(ignoredBefore);
    bodyOf(writer.doc).insert(bodyOf(writer.doc).length, "，制定本条例。");
    await eventually(() => textOf(reader.doc).endsWith("，制定本条例。"));
    await eventually(() => server.metrics.updatesStored >= 2);

    expect(textOf(writer.doc)).toBe("第一条 为了保障人民群众有序参与立法，制定本条例。");
    expect(await storedText(room)).toBe("第一条 为了保障人民群众有序参与立法，制定本条例。");
    const readerRows = await db.prisma.collabUpdate.count({ where: { docName: room, userId: "u-reader" } });
    expect(readerRows).toBe(0);
  });

  it("keeps the document across a server restart", async () => {
    const room = forumMinutesDocName("f4");
    const unloaded: string[] = [];
    const first = await startServer({ onDocumentUnloaded: ({ docName }) => unloaded.push(docName) });
    const editor = connect(first, room, tokenFor(room));
    await synced(editor.provider);
    const fragment = minutesOf(editor.doc);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("代表建议增加关于基层立法联系点经费保障的规定。")]);
    fragment.insert(0, [paragraph]);
    editor.provider.destroy();
    await eventually(() => unloaded.includes(room));
    await first.close();

    const second = await startServer();
    const reader = connect(second, room, tokenFor(room, "read"));
    await synced(reader.provider);
    expect(minutesOf(reader.doc).toString()).toBe(
      "<paragraph>代表建议增加关于基层立法联系点经费保障的规定。</paragraph>",
    );
  });

  it("propagates awareness between clients, including from read-only ones", async () => {
    const server = await startServer();
    const room = forumMinutesDocName("f5");
    const writer = connect(server, room, tokenFor(room, "write", "u-zhang", "张三"));
    const reader = connect(server, room, tokenFor(room, "read", "u-li", "李四"));
    await Promise.all([synced(writer.provider), synced(reader.provider)]);

    writer.provider.awareness.setLocalStateField("user", { name: "张三", color: "#cc0000" });
    reader.provider.awareness.setLocalStateField("user", { name: "李四", color: "#0000cc" });
    const nameSeenBy = (p: WebsocketProvider, clientId: number) => p.awareness.getStates().get(clientId)?.user?.name;
    await eventually(() => nameSeenBy(reader.provider, writer.doc.clientID) === "张三");
    await eventually(() => nameSeenBy(writer.provider, reader.doc.clientID) === "李四");

    reader.provider.destroy();
    await eventually(() => !writer.provider.awareness.getStates().has(reader.doc.clientID));
  });

  it("ties awareness to the token: the token's name, and no setting or clearing other clients' states", async () => {
    const server = await startServer();
    const room = forumMinutesDocName("f9");
    const writer = connect(server, room, tokenFor(room, "write", "u-zhang", "张三"));
    const collector = connect(server, room, tokenFor(room, "read", "u-li", "李四"));
    await Promise.all([synced(writer.provider), synced(collector.provider)]);
    const stateSeen = (p: WebsocketProvider, clientId: number) => p.awareness.getStates().get(clientId);

    writer.provider.awareness.setLocalStateField("user", { name: "张三", color: "#cc0000" });
    // A read-only collector poses as 张三: others see the name of its token, with the colour it chose.
    collector.provider.awareness.setLocalStateField("user", { name: "张三", color: "#cc0000" });
    await eventually(() => stateSeen(writer.provider, collector.doc.clientID)?.user?.color === "#cc0000");
    expect(stateSeen(writer.provider, collector.doc.clientID)?.user).toEqual({ name: "李四", color: "#cc0000" });
    await eventually(() => stateSeen(collector.provider, writer.doc.clientID)?.user?.name === "张三");

    // A crafted client: its first update announces its own clientID and, clock ahead, the writer's (a fake caret);
    // its second clears the collector's state and announces one more clientID.
    const rawId = 424242;
    const raw = await openSocket(server, room, tokenFor(room, "read", "u-wang", "王五"));
    const clockOf = (p: WebsocketProvider) => p.awareness.meta.get(p.doc.clientID)!.clock;
    raw.send(
      awarenessMessage([
        { clientID: rawId, clock: 1, state: { user: { name: "张三", color: "#cc0000" } } },
        { clientID: writer.doc.clientID, clock: clockOf(writer.provider) + 10, state: { user: { name: "张三" }, cursor: 1 } },
      ]),
    );
    raw.send(
      awarenessMessage([
        { clientID: collector.doc.clientID, clock: clockOf(collector.provider) + 10, state: null },
        { clientID: rawId + 1, clock: 1, state: { user: { name: "赵六" } } },
      ]),
    );
    // Handled in order: once the others see this one, the server has handled the two before.
    raw.send(awarenessMessage([{ clientID: rawId, clock: 2, state: { user: { name: "张三" }, last: true } }]));
    await eventually(() => stateSeen(writer.provider, rawId)?.last === true);
    await eventually(() => stateSeen(collector.provider, rawId)?.last === true);

    expect(stateSeen(writer.provider, rawId)).toEqual({ user: { name: "王五" }, last: true });
    expect(stateSeen(collector.provider, writer.doc.clientID)).toEqual({ user: { name: "张三", color: "#cc0000" } });
    expect(writer.provider.awareness.getLocalState()).toEqual({ user: { name: "张三", color: "#cc0000" } });
    expect(stateSeen(writer.provider, collector.doc.clientID)?.user).toEqual({ name: "李四", color: "#cc0000" });
    for (const provider of [writer.provider, collector.provider]) {
      expect(provider.awareness.getStates().has(rawId + 1)).toBe(false);
    }

    raw.close();
    await eventually(() => !stateSeen(writer.provider, rawId) && !stateSeen(collector.provider, rawId));
    expect(stateSeen(collector.provider, writer.doc.clientID)?.user?.name).toBe("张三");
  });

  it("closes a connection when its token expires; the stock client reconnects with the fresh token", async () => {
    const server = await startServer();
    const room = forumMinutesDocName("f10");
    const editor = connect(server, room, tokenFor(room, "write", "u-a", "张三", 2));
    const closes: Array<{ code: number; reason: string }> = [];
    editor.provider.on("connection-close", (event) => {
      if (event) closes.push({ code: event.code, reason: event.reason });
    });
    await synced(editor.provider);
    bodyOf(editor.doc).insert(0, "第一条");
    // What the browser does every few minutes (use-collab-provider).
    editor.provider.params = { token: tokenFor(room, "write", "u-a", "张三") };

    await eventually(() => closes.length > 0);
    expect(closes).toEqual([{ code: 4001, reason: "token expired" }]);
    expect(server.metrics.expiredConnections).toBe(1);
    bodyOf(editor.doc).insert(bodyOf(editor.doc).length, "（断线时输入）");
    await synced(editor.provider);
    await eventually(async () => (await storedText(room)) === "第一条（断线时输入）");
    expect(closes).toHaveLength(1);
    expect(server.metrics.connections).toBe(1);
  });

  it("stores every update a connection sent before its token expired", async () => {
    const unloaded: string[] = [];
    const server = await startServer({ onDocumentUnloaded: ({ docName }) => unloaded.push(docName) });
    const room = forumMinutesDocName("f11");
    const editor = connect(server, room, tokenFor(room, "write", "u-a", "张三", 2));
    await synced(editor.provider);
    // Typing up to the close, and only while the socket is open, so that every keystroke reached the server and
    // the last ones are still being stored when the token expires. The reconnection is refused (no fresh token).
    const typing = setInterval(() => {
      if (editor.provider.ws?.readyState === WebSocket.OPEN) bodyOf(editor.doc).insert(bodyOf(editor.doc).length, "字");
    }, 5);
    try {
      await eventually(() => server.metrics.expiredConnections === 1);
      await eventually(() => unloaded.includes(room));
    } finally {
      clearInterval(typing);
    }
    expect(bodyOf(editor.doc).length).toBeGreaterThan(0);
    expect(await storedText(room)).toBe(textOf(editor.doc));
    await eventually(() => server.metrics.refusedUpgrades > 0);
    expect(editor.provider.synced).toBe(false);
  });

  it("answers a query-awareness message with the current states", async () => {
    const server = await startServer();
    const room = forumMinutesDocName("f6");
    const writer = connect(server, room, tokenFor(room, "write", "u-wang", "王五"));
    await synced(writer.provider);
    writer.provider.awareness.setLocalStateField("user", { name: "王五" });

    const socket = testbed.track(new WebSocket(`ws://127.0.0.1:${server.port}/${room}?token=${tokenFor(room, "read")}`));
    const messages: Uint8Array[] = [];
    socket.on("message", (data: Buffer) => messages.push(new Uint8Array(data)));
    await new Promise((resolve) => socket.on("open", resolve));
    await eventually(() => messages.length > 0);
    messages.length = 0;
    const query = encoding.createEncoder();
    encoding.writeVarUint(query, MESSAGE_QUERY_AWARENESS);
    socket.send(encoding.toUint8Array(query));
    await eventually(() => messages.some((m) => m[0] === MESSAGE_AWARENESS));
    const reply = decoding.createDecoder(messages.find((m) => m[0] === MESSAGE_AWARENESS)!);
    decoding.readVarUint(reply);
    expect(new TextDecoder().decode(decoding.readVarUint8Array(reply))).toContain("王五");
  });

  it("enforces the per-document connection limit and the message size limit", async () => {
    const server = await startServer({ limits: { maxConnectionsPerDocument: 1, maxMessageBytes: 1024 } });
    const room = forumMinutesDocName("f7");
    const big = await openSocket(server, room, tokenFor(room));
    expect(await rawUpgrade(server, `/${room}?token=${tokenFor(room, "write", "u-other")}`)).toBe(503);

    const closed = new Promise<number>((resolve) => big.on("close", (code) => resolve(code)));
    big.send(new Uint8Array(4096));
    expect(await closed).toBe(1009);
    await eventually(() => server.metrics.connections === 0);
    expect(await rawUpgrade(server, `/${room}?token=${tokenFor(room)}`)).toBe("open");
  });

  it("drops a connection that stops answering pings", async () => {
    const server = await startServer({ limits: { pingIntervalMs: 50 } });
    const room = forumMinutesDocName("f8");
    const silent = testbed.track(new WebSocket(`ws://127.0.0.1:${server.port}/${room}?token=${tokenFor(room)}`, { autoPong: false }));
    const closed = new Promise((resolve) => silent.on("close", resolve));
    await new Promise((resolve) => silent.on("open", resolve));
    await closed;
    expect(server.metrics.droppedConnections).toBe(1);
    await eventually(() => server.metrics.connections === 0 && server.metrics.documents === 0);
  });
});
