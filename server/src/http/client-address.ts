/**
 * The client's address, for what is counted per address (requests without a valid token:
 * rate-limit.ts). Behind a reverse proxy every request comes from the proxy, so all clients would share
 * one bucket. With RINGTRACE_TRUST_PROXY naming the proxies (addresses, CIDR ranges, or proxy-addr's
 * presets `loopback`, `linklocal`, `uniquelocal`), the address is the nearest one in X-Forwarded-For that
 * is not a trusted proxy (proxy-addr, as Express computes `req.ip`). Trusting nobody is the default: any
 * client can write that header, so it is believed only for hops the operator names.
 */
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** The client's address from yoga's server context (its `req`: the Node request), or 'unknown' in-process. */
export type AddressOf = (serverContext: unknown) => string;

function requestOf(serverContext: unknown): IncomingMessage | undefined {
  const req = (serverContext as { req?: IncomingMessage } | undefined)?.req;
  return req?.socket ? req : undefined;
}

/** The socket's own address: what is used when no proxy is trusted. */
export const socketAddress: AddressOf = (serverContext) => requestOf(serverContext)?.socket.remoteAddress ?? 'unknown';

/** Why a list of proxies cannot be trusted (an entry proxy-addr does not read), or undefined when it can. */
export function trustListProblem(list: readonly string[]): string | undefined {
  try {
    proxyaddr.compile([...list]);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function clientAddress(trustedProxies: readonly string[]): AddressOf {
  if (trustedProxies.length === 0) return socketAddress;
  const trust = proxyaddr.compile([...trustedProxies]);
  return (serverContext) => {
    const req = requestOf(serverContext);
    if (!req) return 'unknown';
    return req.headers ? proxyaddr(req, trust) : (req.socket.remoteAddress ?? 'unknown');
  };
}
