/** Start-up failures need no Neo4j server: a closed port, a silent port, a wrong scheme. */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { oneLineReason } from '../../fail.js';
import { createNeo4jStore } from './store.js';

async function initError(uri: string, connectTimeoutMs = 1_000) {
  const store = createNeo4jStore({ uri, user: 'neo4j', password: 'not-shown-anywhere', connectTimeoutMs });
  const started = Date.now();
  try {
    await store.init();
    throw new Error('init() succeeded against nothing');
  } catch (error) {
    return { error: error as DomainError, elapsedMs: Date.now() - started };
  } finally {
    await store.close();
  }
}

describe('a NEO4J_URI pointing at nothing', () => {
  it('fails init() with UNAVAILABLE and one clear line, quickly', async () => {
    const { error, elapsedMs } = await initError('bolt://127.0.0.1:1');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toMatch(/^cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1: \S.*ECONNREFUSED/);
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain('not-shown-anywhere');
    // What the CLI prints: the message itself, no "unexpected error", no stack trace.
    expect(oneLineReason(error)).toBe(error.message);
    expect(elapsedMs).toBeLessThan(5_000);
  });

  describe('a port that accepts but never answers', () => {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((socket) => void sockets.add(socket));
    let port = 0;
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as net.AddressInfo).port;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('gives up within the connect timeout, without showing credentials in the address', async () => {
      const { error, elapsedMs } = await initError(`neo4j://someone:secret@127.0.0.1:${port}`, 500);
      expect(error.code).toBe('UNAVAILABLE');
      expect(error.message).toBe(`cannot reach Neo4j at neo4j://127.0.0.1:${port}: no answer within 1500 ms (connect)`);
      expect(elapsedMs).toBeLessThan(4_000);
    });
  });

  it('refuses an address that is not a Neo4j one, naming the variable', () => {
    expect(() => createNeo4jStore({ uri: 'http://localhost:7474', user: 'neo4j', password: 'x' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^NEO4J_URI: /) }),
    );
  });
});
