import { crossSiteRefusal, malformedRequestReason } from "./request-guard.server";

const site = "http://127.0.0.1:3000";
const post = { method: "POST", origin: undefined, referer: undefined, secFetchSite: undefined, siteOrigin: site };

describe("crossSiteRefusal", () => {
  it("lets reads through whatever their origin", () => {
    expect(crossSiteRefusal({ ...post, method: "GET", origin: "http://evil.example" })).toBeNull();
  });

  it.each([
    { origin: site },
    { secFetchSite: "same-origin", origin: site },
    { referer: `${site}/login?x=1` },
    {},
  ])("accepts a same-origin or header-less mutation %j", (headers) => {
    expect(crossSiteRefusal({ ...post, ...headers })).toBeNull();
  });

  it.each([
    { origin: "http://evil.example" },
    { origin: "null" },
    { origin: "http://127.0.0.1:3001" },
    { secFetchSite: "cross-site", origin: site },
    { secFetchSite: "same-site" },
    { referer: "http://evil.example/page" },
    { referer: "not a url" },
  ])("refuses a cross-site mutation %j", (headers) => {
    expect(crossSiteRefusal({ ...post, ...headers })).toMatch(/./);
  });

  it("checks every unsafe method, data requests included", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(crossSiteRefusal({ ...post, method, origin: "http://evil.example" })).not.toBeNull();
    }
  });
});

describe("malformedRequestReason", () => {
  it.each(["/p/abc", "/consultations/x?tab=forums&q=%E7%AC%AC", "/"])("accepts %s", (url) => {
    expect(malformedRequestReason({ url, host: "127.0.0.1:3000" })).toBeNull();
  });

  it.each(["/p/ab%00c", "/forums/%0d%0aSet-Cookie:x", "/p/%zz", "/login?redirectTo=%7f"])("refuses %s", (url) => {
    expect(malformedRequestReason({ url, host: "127.0.0.1:3000" })).not.toBeNull();
  });

  it.each(["lifa.example.org", "192.168.1.5:3000", "[::1]:3000", "localhost"])("accepts the Host %s", (host) => {
    expect(malformedRequestReason({ url: "/", host })).toBeNull();
  });

  it.each(['evil.example"><script>', "a b", "x:99999999", "evil.example/path"])("refuses the Host %s", (host) => {
    expect(malformedRequestReason({ url: "/", host })).not.toBeNull();
  });
});
