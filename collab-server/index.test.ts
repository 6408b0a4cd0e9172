// The collab-server process as deployed: started from its entry point with only the variables it documents
// (no SESSION_SECRET, the web app's alone), caps taken from the environment.
import { WebSocket } from "ws";
import { createTestDatabase, type TestDatabase } from "../test/helpers/database";
import { freePort, waitForPort } from "../scripts/infra/free-port";
import { startProcess, type ManagedProcess } from "../scripts/infra/processes";
import { forumMinutesDocName } from "../app/utils/collab-token.server";
import { tokenFor, SECRET } from "./test-helpers";

let db: TestDatabase;
let collab: ManagedProcess | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await collab?.stop();
  await db.drop();
});

function upgrade(port: number, path: string): Promise<number | "open"> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`);
    socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
    socket.on("open", () => resolve("open"));
    socket.on("error", reject);
  });
}

describe("collab-server/index.ts", () => {
  it("starts without SESSION_SECRET and applies the connection caps set in the environment", async () => {
    const port = await freePort();
    const { SESSION_SECRET: _unused, ...inherited } = process.env;
    const logs: string[] = [];
    collab = startProcess(
      "collab",
      {
        ...inherited,
        NODE_ENV: "production",
        DATABASE_URL: db.url,
        COLLAB_SECRET: SECRET,
        COLLAB_PORT: String(port),
        COLLAB_MAX_CONNECTIONS_PER_USER_DOCUMENT: "1",
      },
      (line) => logs.push(line),
    );
    await waitForPort(port).catch((error) => {
      throw new Error(`${error.message}\n${logs.join("\n")}`);
    });
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({ status: "ok" });

    const room = forumMinutesDocName("i1");
    expect(await upgrade(port, `/${room}?token=${tokenFor(room, "read", "u-a")}`)).toBe("open");
    expect(await upgrade(port, `/${room}?token=${tokenFor(room, "read", "u-a")}`)).toBe(429);
    expect(await upgrade(port, `/${room}?token=${tokenFor(room, "read", "u-b")}`)).toBe("open");

    await collab.stop();
    expect(await collab.exited).toBe(0);
  });
});
