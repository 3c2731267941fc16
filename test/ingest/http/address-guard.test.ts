import { describe, expect, it } from "vitest";
import { nonPublicReason } from "../../../src/ingest/http/address-guard.ts";

describe("nonPublicReason", () => {
  it.each(["8.8.8.8", "93.184.215.14", "2606:4700:4700::1111", "64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8"])(
    "lets the public address %s through",
    (address) => expect(nonPublicReason(address)).toBeUndefined(),
  );

  it.each([
    ["127.0.0.1", "a loopback address"],
    ["127.255.255.254", "a loopback address"],
    ["::1", "a loopback address"],
    ["::ffff:127.0.0.1", "a loopback address"],
    ["10.1.2.3", "a private address"],
    ["172.31.255.255", "a private address"],
    ["192.168.0.1", "a private address"],
    ["169.254.169.254", "the cloud metadata address"],
    ["169.254.0.1", "a link-local address"],
    ["fe80::1", "a link-local address"],
    ["100.64.0.1", "a carrier-grade NAT (100.64.0.0/10) address"],
    ["100.127.255.255", "a carrier-grade NAT (100.64.0.0/10) address"],
    ["fc00::1", "a unique-local address"],
    ["fd12:3456::1", "a unique-local address"],
    ["224.0.0.251", "a multicast address"],
    ["ff02::1", "a multicast address"],
    ["0.0.0.0", "an unspecified address"],
    ["::", "an unspecified address"],
    ["255.255.255.255", "a broadcast address"],
    ["192.0.2.10", "a reserved address"],
    ["240.0.0.1", "a reserved address"],
    // NAT64, 6to4 and SIIT carry an IPv4 address: judged by it.
    ["64:ff9b::7f00:1", "a loopback address"],
    ["64:ff9b::a9fe:a9fe", "the cloud metadata address"],
    ["2002:c0a8:101::", "a private address"],
    ["::ffff:0:a00:1", "a private address"],
  ])("refuses %s as %s", (address, reason) => expect(nonPublicReason(address)).toBe(reason));

  it.each(["64:ff9b:1::a00:1", "2001::1", "2001:db8::1", "100::1"])("refuses %s, a range with no public use", (address) => {
    expect(nonPublicReason(address)).toBeDefined();
  });
});
