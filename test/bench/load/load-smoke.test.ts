/**
 * The load section of `pnpm bench` works end to end at the smallest scale: a generated case, the real
 * server in its child process with real tokens, the closed and paced runs alone and with the hostile
 * client, the table with its verdicts. Two-second runs on a few connections: this proves the harness
 * (the tokens let the clients in, every refusal the hostile client provokes is counted), it measures
 * nothing.
 */
import { describe, expect, it } from 'vitest';
import { formatLoad } from './report.js';
import { runLoad } from './run-load.js';

describe('pnpm bench load section', () => {
  it('serves the mix to real tokens, refuses the hostile client, prints every run with its verdicts', async () => {
    const result = await runLoad({
      scale: 3000,
      seed: 7,
      poolMb: 256,
      seconds: 2,
      connections: 4,
      users: 4,
      hostileConnections: 8,
      paceMs: 200,
      warmupSeconds: 1,
      log: () => undefined,
    });
    const text = formatLoad(result);
    console.log(text);

    expect(result.tokens).toEqual({ analysts: 2, viewers: 2, hostile: 'analyst' });
    expect(result.runs.map((r) => [r.name, r.hostile !== undefined])).toEqual([
      ['closed (4 busy connections)', false],
      ['closed (4 busy connections) + hostile', true],
      ['paced (4 users, 1 request / 200 ms each)', false],
      ['paced (4 users, 1 request / 200 ms each) + hostile', true],
    ]);
    for (const run of result.runs) {
      // Every operation of the mix answered, and never refused: the tokens and the rate limit let users in.
      expect(run.legit.requests, run.name).toBeGreaterThan(0);
      expect(Object.keys(run.legit.all.statuses), run.name).toEqual(['200']);
      expect(text).toMatch(new RegExp(`^  p99<(500ms|=2x): .* (PASS|MISS)$`, 'm'));
    }
    const paced = result.runs[2]!.legit;
    expect(paced.sent).toBeLessThanOrEqual((4 * 2 * 1000) / 200 + 4);

    // What the hostile client got, over both of its runs: the document limits, the body cap, the token check.
    const statuses = new Set(result.runs.flatMap((r) => Object.keys(r.hostile?.all.statuses ?? {})));
    for (const status of ['400', '401', '413']) expect(statuses, status).toContain(status);
    expect(text).toMatch(/^load targets: (PASS|\d+ MISS)$/m);
  }, 240_000);
});
