import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it("returns the normalised path, which the browser will follow", () => {
    expect(safeRedirect("/staff/../deputy", "/home")).toBe("/deputy");
    expect(safeRedirect("/./staff", "/home")).toBe("/staff");
  });

  it.each(["/staff", "/consultations/abc?tab=forums", "/forums/x#minutes"])("keeps the same-site path %s", (to) => {
    expect(safeRedirect(to, "/home")).toBe(to);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "https://evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/a/..//evil.example",
    "/././/evil.example",
    "/x/../..//evil.example",
    "evil.example",
    "",
    null,
    undefined,
  ])("refuses %j", (to) => {
    expect(safeRedirect(to, "/home")).toBe("/home");
  });
});
