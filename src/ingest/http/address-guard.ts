/**
 * The SSRF guard: decides which IP addresses a URL from an admin, a user or a feed may reach.
 * Only public unicast addresses pass. Loopback, private, link-local (and the cloud metadata
 * address in it), carrier-grade NAT, unique-local, multicast, unspecified, reserved and
 * documentation ranges are refused, and so are IPv6 forms that carry one of them (IPv4-mapped,
 * NAT64, 6to4). Host names are resolved once, every address checked, and the connection is made
 * to a checked address, so a second DNS answer (rebinding) cannot slip in.
 */
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { BlockedAddressError } from "./errors.ts";

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address of a host name, as `dns.lookup(host, { all: true })` gives them. */
export type LookupFunction = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface AddressGuardOptions {
  lookup?: LookupFunction;
  /**
   * Lets an otherwise refused address and port through: for tests that must reach one local
   * server while the guard is on. Production code passes nothing.
   */
  allowAddress?: (address: string, port: number) => boolean;
}

const CLOUD_METADATA = "169.254.169.254";

/** How each ipaddr.js range is named in a refusal. */
const RANGE_PHRASES: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private address",
  linkLocal: "a link-local address",
  carrierGradeNat: "a carrier-grade NAT (100.64.0.0/10) address",
  uniqueLocal: "a unique-local address",
  multicast: "a multicast address",
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  reserved: "a reserved address",
  deprecatedSiteLocal: "a site-local address",
};

/**
 * Why an address is not public, as a phrase ("a loopback address"), or undefined when it is a
 * public unicast address that may be fetched.
 */
export function nonPublicReason(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return "not an IP address";
  // process() turns ::ffff:127.0.0.1 into 127.0.0.1, so mapped addresses are judged as IPv4.
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4" && parsed.toString() === CLOUD_METADATA) return "the cloud metadata address";
  const range = parsed.range();
  if (range === "unicast") return undefined;
  const embedded = parsed.kind() === "ipv6" ? embeddedIPv4(parsed as ipaddr.IPv6, range) : undefined;
  if (embedded) return nonPublicReason(embedded);
  return RANGE_PHRASES[range] ?? "not a public address";
}

/**
 * The IPv4 address that NAT64 (64:ff9b::/96), 6to4 (2002::/16) or SIIT (::ffff:0:0:0/96) route
 * to: such an address is as public as the IPv4 one inside it. Other translation ranges
 * (64:ff9b:1::/48 local-use NAT64, Teredo) have no fixed place for it and stay refused.
 */
function embeddedIPv4(address: ipaddr.IPv6, range: string): string | undefined {
  const parts = address.parts;
  const ipv4 = (high: number, low: number): string => [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
  if (range === "rfc6052" && parts[0] === 0x64 && parts[1] === 0xff9b && parts.slice(2, 6).every((part) => part === 0)) {
    return ipv4(parts[6] as number, parts[7] as number);
  }
  if (range === "rfc6145") return ipv4(parts[6] as number, parts[7] as number);
  if (range === "6to4") return ipv4(parts[1] as number, parts[2] as number);
  return undefined;
}

const defaultLookup: LookupFunction = (hostname) => dnsLookup(hostname, { all: true });

export interface AddressGuard {
  /** Throws BlockedAddressError when a literal IP host is refused; host names pass (resolved later). */
  checkLiteral(hostname: string, port: number): void;
  /**
   * The addresses to connect to, in the resolver's order; throws BlockedAddressError when the
   * host is, or resolves to, any refused address.
   */
  resolve(hostname: string, port: number): Promise<string[]>;
}

export function createAddressGuard(options: AddressGuardOptions = {}): AddressGuard {
  const lookup = options.lookup ?? defaultLookup;
  const refusal = (address: string, port: number): string | undefined => {
    const reason = nonPublicReason(address);
    if (reason === undefined || options.allowAddress?.(ipaddr.process(address).toString(), port)) return undefined;
    return reason;
  };

  const checkLiteral = (hostname: string, port: number): void => {
    const bare = unbracket(hostname);
    if (!isIP(bare)) return;
    const reason = refusal(bare, port);
    if (reason) throw new BlockedAddressError(`${bare} is ${reason}`);
  };

  return {
    checkLiteral,
    async resolve(hostname, port) {
      const bare = unbracket(hostname);
      if (isIP(bare)) {
        checkLiteral(bare, port);
        return [bare];
      }
      const addresses = await lookup(bare);
      if (addresses.length === 0) throw Object.assign(new Error(`no addresses for ${bare}`), { code: "ENOTFOUND" });
      for (const { address } of addresses) {
        // The address stays out of the message: it would tell a user how internal names resolve.
        const reason = refusal(address, port);
        if (reason) throw new BlockedAddressError(`${bare} resolves to ${reason}`);
      }
      return addresses.map(({ address }) => address);
    },
  };
}

function unbracket(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}
