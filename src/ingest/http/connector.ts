/**
 * The socket connector behind every request: undici's own (`buildConnector`: TLS, session cache,
 * connect timeout) with the address guard in front of it. The guard runs where the socket is
 * made, not in a DNS hook, because a DNS hook never sees IP literals (`http://127.1`,
 * `http://[::ffff:127.0.0.1]`) nor a redirect to one; here every connection, of every hop,
 * passes through it before a packet is sent.
 */
import { buildConnector } from "undici";
import type { AddressGuard } from "./address-guard.ts";
import { errorCode } from "./errors.ts";

/** Errors after which the host's next address is worth a try. */
const TRY_NEXT_ADDRESS = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL", "ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT"]);

export function createConnector(connectTimeoutMs: number, guard: AddressGuard | undefined): buildConnector.connector {
  const connect = buildConnector({ timeout: connectTimeoutMs });
  if (!guard) return connect;

  return (options, callback) => {
    const port = Number(options.port) || (options.protocol === "https:" ? 443 : 80);
    guard.resolve(options.hostname, port).then(
      (addresses) => {
        // Connect to the checked addresses themselves: resolving the name again could answer
        // differently. TLS still verifies the certificate against the host name: undici
        // derives the SNI server name from `options.host`, which is left as it was.
        const attempt = (index: number): void => {
          connect({ ...options, hostname: addresses[index] as string }, (error, socket) => {
            if (error && index + 1 < addresses.length && TRY_NEXT_ADDRESS.has(errorCode(error) ?? "")) attempt(index + 1);
            else if (error) callback(error, null);
            else callback(null, socket as NonNullable<typeof socket>);
          });
        };
        attempt(0);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  };
}
