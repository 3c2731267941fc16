import { describe, expect, it } from "vitest";
import { createFetchArticle, FetchArticleError, isPrivateAddress } from "../../src/archive/fetch-article.ts";

describe("isPrivateAddress", () => {
  it("refuses loopback, private, link-local, carrier-grade NAT and mapped forms", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "not an ip"]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700::1111"]) expect(isPrivateAddress(address), address).toBe(false);
  });
});

describe("createFetchArticle", () => {
  const fetchArticle = createFetchArticle({ timeoutMs: 1000 });
  const reason = (url: string) => fetchArticle(url).then(() => "fetched", (error: unknown) => (error instanceof FetchArticleError ? error.reason : String(error)));

  it("never opens a private address or a non-http link (no request is made)", async () => {
    expect(await reason("http://127.0.0.1:9/")).toBe("private-address");
    expect(await reason("http://[::1]/")).toBe("private-address");
    expect(await reason("http://localhost/")).toBe("private-address");
    expect(await reason("http://169.254.169.254/latest/meta-data")).toBe("private-address");
    expect(await reason("file:///etc/passwd")).toBe("bad-url");
    expect(await reason("not a url")).toBe("bad-url");
  });
});
