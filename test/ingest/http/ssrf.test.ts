/**
 * The SSRF guard, switched on. Every refused address must be refused before a connection is
 * made: the local servers count connections, and a tripwire on net.connect / tls.connect (the
 * calls undici's connector makes) fails the test instead of letting a socket leave for any
 * address but 127.0.0.1, so even a broken guard sends nothing to 10.0.0.1 or 169.254.169.254.
 */
import { readFileSync } from "node:fs";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import net, { type AddressInfo } from "node:net";
import { join } from "node:path";
import tls from "node:tls";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { FetchError, createHttpClient, type HttpClient, type LookupFunction } from "../../../src/ingest/http/index.ts";
import { TEST_CONFIG, startServer, type LocalServer } from "./local-server.ts";

const GUARDED = { ...TEST_CONFIG, allowPrivateHosts: false };

/** A resolver for made-up public-looking names; no real DNS is asked. */
const fakeDns: Record<string, string[]> = {
  "news.example.com": ["127.0.0.1"],
  "mixed.example.com": ["93.184.215.14", "127.0.0.1"],
  "rebind.example.com": ["::ffff:127.0.0.1"],
  "feeds.example.org": ["127.0.0.1"],
};
const lookup: LookupFunction = async (hostname) => {
  const addresses = fakeDns[hostname];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
};

/** Every host a socket was opened to. */
const connectedHosts: string[] = [];
const tripwires: string[] = [];

function tripwire<T extends (...args: never[]) => unknown>(original: T): T {
  return ((...args: Parameters<T>) => {
    const options = args[0] as { host?: string } | undefined;
    const host = String(options?.host);
    if (host !== "127.0.0.1") {
      tripwires.push(host);
      throw new Error(`tripwire: a socket to ${host} was about to be opened`);
    }
    connectedHosts.push(host);
    return original(...args);
  }) as T;
}

let allowed: LocalServer;
let target: LocalServer;
let client: HttpClient;
/** An https server with a self-signed certificate for feeds.example.org; it records the SNI names asked for. */
let secure: HttpsServer;
let securePort = 0;
const sniNames: string[] = [];

beforeAll(async () => {
  const netConnect = tripwire(net.connect.bind(net));
  const tlsConnect = tripwire(tls.connect.bind(tls));
  vi.spyOn(net, "connect").mockImplementation(netConnect);
  vi.spyOn(tls, "connect").mockImplementation(tlsConnect);
  // `target` stands for an internal service: nothing may reach it.
  target = await startServer({
    "/": (_req, res) => res.end("internal secrets"),
  });
  allowed = await startServer({
    "/ok": (_req, res) => res.end("public page"),
    "/to-loopback": (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${target.port}/` });
      res.end();
    },
    "/to-mapped": (_req, res) => {
      res.writeHead(301, { location: `http://[::ffff:7f00:1]:${target.port}/` });
      res.end();
    },
    "/to-name": (_req, res) => {
      res.writeHead(307, { location: `http://news.example.com:${target.port}/` });
      res.end();
    },
    "/to-metadata": (_req, res) => {
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" });
      res.end();
    },
  });
  const fixtures = join(import.meta.dirname, "..", "..", "fixtures", "http");
  const credentials = { key: readFileSync(join(fixtures, "self-signed.key")), cert: readFileSync(join(fixtures, "self-signed.crt")) };
  secure = createHttpsServer(
    {
      ...credentials,
      SNICallback: (name, done) => {
        sniNames.push(name);
        done(null, tls.createSecureContext(credentials));
      },
    },
    (_req, res) => res.end("secure page"),
  );
  await new Promise<void>((resolve) => secure.listen(0, "127.0.0.1", resolve));
  securePort = (secure.address() as AddressInfo).port;
  // The exceptions: these servers' exact address and port stand in for public sites.
  client = createHttpClient(GUARDED, {
    lookup,
    allowAddress: (address, port) => address === "127.0.0.1" && (port === allowed.port || port === securePort),
  });
});

afterEach(() => {
  const tripped = tripwires.splice(0);
  expect(tripped).toEqual([]);
  expect(target.connections).toBe(0);
  expect(target.requests).toEqual([]);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await client.close();
  secure.closeAllConnections();
  await Promise.all([allowed.close(), target.close(), new Promise((resolve) => secure.close(resolve))]);
});

async function refusal(url: string, guarded: HttpClient = client): Promise<string> {
  const error = await guarded.request(url).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  expect((error as FetchError).reason).toBe("blocked");
  return (error as FetchError).message;
}

describe("the SSRF guard", () => {
  it("refuses loopback in every spelling", async () => {
    const port = (): number => target.port;
    expect(await refusal(`http://127.0.0.1:${port()}/`)).toBe("refused: 127.0.0.1 is a loopback address");
    expect(await refusal(`http://127.1:${port()}/`)).toBe("refused: 127.0.0.1 is a loopback address");
    expect(await refusal(`http://0x7f.1:${port()}/`)).toBe("refused: 127.0.0.1 is a loopback address");
    expect(await refusal(`http://2130706433:${port()}/`)).toBe("refused: 127.0.0.1 is a loopback address");
    expect(await refusal(`http://017700000001:${port()}/`)).toBe("refused: 127.0.0.1 is a loopback address");
    expect(await refusal(`http://[::1]:${port()}/`)).toBe("refused: ::1 is a loopback address");
    expect(await refusal(`http://[::ffff:127.0.0.1]:${port()}/`)).toBe("refused: ::ffff:7f00:1 is a loopback address");
    expect(await refusal(`https://[0:0:0:0:0:ffff:7f00:1]:${port()}/`)).toBe("refused: ::ffff:7f00:1 is a loopback address");
  });

  it("refuses localhost through the system resolver", async () => {
    const guarded = createHttpClient(GUARDED);
    try {
      expect(await refusal(`http://localhost:${target.port}/`, guarded)).toBe("refused: localhost resolves to a loopback address");
    } finally {
      await guarded.close();
    }
  });

  it.each([
    ["http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is the cloud metadata address"],
    ["http://100.64.0.1/", "refused: 100.64.0.1 is a carrier-grade NAT (100.64.0.0/10) address"],
    ["http://10.0.0.1/", "refused: 10.0.0.1 is a private address"],
    ["http://192.168.1.1:8080/admin", "refused: 192.168.1.1 is a private address"],
    ["http://172.16.0.1/", "refused: 172.16.0.1 is a private address"],
    ["http://169.254.1.1/", "refused: 169.254.1.1 is a link-local address"],
    ["http://0.0.0.0/", "refused: 0.0.0.0 is an unspecified address"],
    ["http://[::]/", "refused: :: is an unspecified address"],
    ["http://224.0.0.1/", "refused: 224.0.0.1 is a multicast address"],
    ["http://[fd00::1]/", "refused: fd00::1 is a unique-local address"],
    ["http://[fe80::1]/", "refused: fe80::1 is a link-local address"],
    ["http://[::ffff:10.0.0.1]/", "refused: ::ffff:a00:1 is a private address"],
    ["http://[64:ff9b::a9fe:a9fe]/", "refused: 64:ff9b::a9fe:a9fe is the cloud metadata address"],
    ["http://[2002:a00:1::]/", "refused: 2002:a00:1:: is a private address"],
  ])("refuses %s before connecting", async (url, message) => {
    expect(await refusal(url)).toBe(message);
  });

  it("refuses a public-looking name that resolves to a private address, and says no more", async () => {
    expect(await refusal(`http://news.example.com:${target.port}/`)).toBe("refused: news.example.com resolves to a loopback address");
    expect(await refusal(`http://rebind.example.com:${target.port}/`)).toBe("refused: rebind.example.com resolves to a loopback address");
  });

  it("refuses a name when any one of its addresses is private", async () => {
    expect(await refusal(`http://mixed.example.com:${target.port}/`)).toBe("refused: mixed.example.com resolves to a loopback address");
  });

  it("checks every redirect hop", async () => {
    expect(await refusal(`${allowed.base}/to-loopback`)).toBe("refused: 127.0.0.1 is a loopback address");
    expect(await refusal(`${allowed.base}/to-mapped`)).toBe("refused: ::ffff:7f00:1 is a loopback address");
    expect(await refusal(`${allowed.base}/to-name`)).toBe("refused: news.example.com resolves to a loopback address");
    expect(await refusal(`${allowed.base}/to-metadata`)).toBe("refused: 169.254.169.254 is the cloud metadata address");
    expect(allowed.requests).toEqual(["GET /to-loopback", "GET /to-mapped", "GET /to-name", "GET /to-metadata"]);
  });

  it("reaches an allowed address, and connects to the address it checked", async () => {
    const direct = await client.request(`${allowed.base}/ok`);
    expect(Buffer.from(direct.bytes).toString()).toBe("public page");
    // feeds.example.org exists only in the fake resolver: the socket goes to the checked address.
    const byName = await client.request(`http://feeds.example.org:${allowed.port}/ok`);
    expect(Buffer.from(byName.bytes).toString()).toBe("public page");
    expect(allowed.lastHeaders.host).toBe(`feeds.example.org:${allowed.port}`);
    // The tripwire saw these sockets, so it would have seen any other.
    expect(connectedHosts).toContain("127.0.0.1");
  });

  it("keeps TLS checks on the host name while connecting to the checked address", async () => {
    const error = await client.request(`https://feeds.example.org:${securePort}/`).catch((e: unknown) => e);
    // The handshake asked for the name, and the certificate was verified (and refused: self-signed).
    expect(sniNames).toEqual(["feeds.example.org"]);
    expect(error).toMatchObject({ reason: "network", message: `could not fetch https://feeds.example.org:${securePort}/: TLS problem: self-signed certificate` });
  });

  it("reports a name that does not resolve as a network failure, not a refusal", async () => {
    const error = await client.request("http://nowhere.invalid/").catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "network", message: "could not fetch http://nowhere.invalid/: no such host" });
  });
});
