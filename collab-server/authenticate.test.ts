import { issueCollabToken } from "../app/utils/collab-token.server";
import { authenticateUpgrade } from "./authenticate";

const SECRET = "authenticate-test-secret";
const grant = { userId: "u1", userName: "张三", docName: "forum:甲:minutes", mode: "write" as const };

describe("authenticateUpgrade", () => {
  const token = issueCollabToken(grant, SECRET);

  it("accepts the token of the room in the path, percent-encoded or not", () => {
    for (const path of [`/forum:甲:minutes`, `/${encodeURIComponent(grant.docName)}`]) {
      const check = authenticateUpgrade(`${path}?token=${token}`, SECRET);
      expect(check).toEqual({ ok: true, grant: expect.objectContaining(grant) });
    }
  });

  it("names the reason of a refusal", () => {
    const expired = issueCollabToken(grant, SECRET, 60, Date.now() - 120_000);
    const other = issueCollabToken({ ...grant, docName: "forum:乙:minutes" }, SECRET);
    const cases: Array<[string, string]> = [
      [`/${grant.docName}`, "no-token"],
      [`/${grant.docName}?token=`, "no-token"],
      [`/%E0%A4%A?token=${token}`, "bad-room"],
      [`/forum%00:x?token=${issueCollabToken({ ...grant, docName: "forum\u0000:x" }, SECRET)}`, "bad-room"],
      [`/${"x".repeat(600)}?token=${issueCollabToken({ ...grant, docName: "x".repeat(600) }, SECRET)}`, "bad-room"],
      [`/${grant.docName}?token=garbage`, "malformed"],
      [`/${grant.docName}?token=${issueCollabToken(grant, "another-secret-entirely")}`, "signature"],
      [`/${grant.docName}?token=${expired}`, "expired"],
      [`/${grant.docName}?token=${other}`, "wrong-room"],
      [`/?token=${token}`, "wrong-room"],
    ];
    for (const [url, reason] of cases) expect(authenticateUpgrade(url, SECRET)).toEqual({ ok: false, reason });
  });

  it("answers any request target without throwing; targets no client sends are bad requests", () => {
    const targets = ["//[", "//a:b@", "//x:99999/", "//%zz", `//[?token=${token}`, "/\\[", "*", "http://x/", "", undefined];
    for (const target of targets) expect(authenticateUpgrade(target, SECRET)).toEqual({ ok: false, reason: "bad-request" });
  });
});
