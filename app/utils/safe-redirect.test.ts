import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
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
    "evil.example",
    "",
    null,
    undefined,
  ])("refuses %j", (to) => {
    expect(safeRedirect(to, "/home")).toBe("/home");
  });
});
