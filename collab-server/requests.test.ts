// collab-server's HTTP side: no request, however malformed, stops the process; /healthz says only "ok"; /metrics
// needs COLLAB_SECRET.
import type { WebsocketProvider } from "y-websocket";
import { createTestDatabase, type TestDatabase } from "../test/helpers/database";
import { forumMinutesDocName } from "../app/utils/collab-token.server";
import { eventually, rawRequest, SECRET, Testbed, tokenFor, upgradeHead } from "./test-helpers";

let db: TestDatabase;
const testbed = new Testbed(() => db.prisma, () => db.url);
const synced = (provider: WebsocketProvider) => eventually(() => provider.synced);

beforeAll(async () => {
  db = await createTestDatabase();
});

afterEach(() => testbed.cleanup());

afterAll(async () => {
  await db.drop();
});

const MALFORMED_TARGETS = ["//[", "//a:b@", "//x:99999/", "//%zz", "/\\[", "*"];

describe("malformed requests", () => {
  it("answers upgrades to malformed paths with 400 and goes on serving", async () => {
    const server = await testbed.start();
    const room = forumMinutesDocName("r1");
    for (const target of MALFORMED_TARGETS) {
      expect((await rawRequest(server.port, upgradeHead(target))).status).toBe(400);
      expect((await rawRequest(server.port, upgradeHead(`${target}?token=${tokenFor(room)}`))).status).toBe(400);
    }
    expect(server.metrics.malformedRequests).toBe(2 * MALFORMED_TARGETS.length);
    expect(server.metrics.refusedUpgrades).toBe(2 * MALFORMED_TARGETS.length);

    const client = testbed.connect(server, room, tokenFor(room));
    await synced(client.provider);
  });

  it("answers plain HTTP requests to malformed paths and goes on serving", async () => {
    const server = await testbed.start();
    for (const target of MALFORMED_TARGETS) {
      const { status } = await rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      expect([400, 426]).toContain(status);
    }
    const room = forumMinutesDocName("r2");
    const client = testbed.connect(server, room, tokenFor(room));
    await synced(client.provider);
  });
});

describe("health and metrics", () => {
  const get = (port: number, path: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${port}${path}`, { headers });

  it("answers /healthz with a bare status, whatever is being edited", async () => {
    const server = await testbed.start();
    const room = forumMinutesDocName("r3");
    await synced(testbed.connect(server, room, tokenFor(room)).provider);
    const response = await get(server.port, "/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("shows the metrics at /metrics only to a bearer of COLLAB_SECRET", async () => {
    const server = await testbed.start();
    const room = forumMinutesDocName("r4");
    await synced(testbed.connect(server, room, tokenFor(room)).provider);

    for (const authorization of [undefined, "", `Bearer ${SECRET}x`, `Bearer ${SECRET.slice(0, -1)}`, `Basic ${SECRET}`, SECRET]) {
      const response = await get(server.port, "/metrics", authorization === undefined ? {} : { Authorization: authorization });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain("connections");
    }
    const response = await get(server.port, "/metrics", { Authorization: `Bearer ${SECRET}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ connections: 1, documents: 1, refusedUpdates: 0, storeBatches: 0, commitMsP99: 0 });
  });
});
