/**
 * The investigation API served from this process on a real port (127.0.0.1, an ephemeral port), over the
 * benchmark's store: a request pays what a client's does (HTTP, JSON, GraphQL parse, validation and
 * limits, resolvers, serialisation), minus the network.
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '@ringtrace/server/app.js';
import { createLogger } from '@ringtrace/server/logger.js';
import type { GraphStore } from '@ringtrace/server/store/port.js';
import { createTestAuth } from '@ringtrace/server/testing/test-auth.js';

export interface ApiClient {
  readonly url: string;
  /** POSTs a document; the `data` of the answer, or an error naming the first GraphQL error. */
  post(query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startApi(store: GraphStore): Promise<ApiClient> {
  // Signed in as an analyst (a real token in a temporary tokens.json), as a client would be.
  const auth = await createTestAuth();
  const authorization = auth.headers('analyst').authorization!;
  const app = createApp({ store, logger: createLogger('silent'), authenticator: auth.authenticator });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // node:http with kept-alive connections: the client's own work runs in this process too, and fetch
  // (undici) spends ~1 ms more per request than this on the same machine.
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async post(query, variables) {
      const { status, text } = await postJson(agent, port, JSON.stringify({ query, variables }), authorization);
      const body = JSON.parse(text) as { data?: Record<string, unknown>; errors?: { message: string }[] };
      if (status !== 200 || body.errors?.length || !body.data) {
        throw new Error(`API answered ${status}: ${body.errors?.[0]?.message ?? 'no data'}`);
      }
      return body.data;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }).then(() => auth.dispose()),
  };
}

function postJson(
  agent: Agent,
  port: number,
  body: string,
  authorization: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization,
          accept: 'application/graphql-response+json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
