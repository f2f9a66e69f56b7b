/**
 * What recording costs (server/README.md, "Audit trail"): `npx tsx src/audit/measure-recording.ts` from server/.
 *   record(): microseconds per call with typical variables (scrubbing included), nothing written meanwhile;
 *   flush: entries per second written in batches of 500, and one batch of 50 (lock, tail, write, fsync, head);
 *   the API: a small operation through the demo app with and without the audit plugin.
 * CPU time of this process (user + system), not wall time: the figures hold on a machine shared with other
 * work, and they include the batches written in the background meanwhile.
 */
import { pino } from 'pino';
import { createApp } from '../app.js';
import { demoApp } from '../testing/demo-app.js';
import { openAuditTrail } from './audit-trail.js';
import { event, tempDataDir } from './test-support.js';

const logger = pino({ level: 'silent' });
const ms = (t0: number) => performance.now() - t0;
/** CPU milliseconds since `start` (process.cpuUsage()). */
const cpuMs = (start: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};
const data = await tempDataDir();
try {
  const trail = openAuditTrail({ dataDir: data.dir, logger, flushMs: 60_000, maxQueued: 1_000_000 });
  const variables = { ids: ['phone:+74951234567', 'wallet:eth:0xabc'], depth: 2, kinds: ['Victim', 'Wallet'], limit: 100 };
  const N = 100_000;
  let cpu = process.cpuUsage();
  for (let i = 0; i < N; i++) trail.record(event('Neighbourhood', variables));
  const recordUs = (cpuMs(cpu) * 1000) / N;
  cpu = process.cpuUsage();
  let t0 = performance.now();
  await trail.flush();
  const flushCpu = cpuMs(cpu);
  const flushMs = ms(t0);
  console.log(
    `record(): ${recordUs.toFixed(2)} us CPU per call; flush of ${N}: ${flushMs.toFixed(0)} ms, ` +
      `${((flushCpu * 1000) / N).toFixed(1)} us CPU per entry`,
  );

  const batches: number[] = [];
  for (let b = 0; b < 40; b++) {
    for (let i = 0; i < 50; i++) trail.record(event('Search', { text: 'moscow' }));
    t0 = performance.now();
    await trail.flush();
    batches.push(ms(t0));
  }
  batches.sort((a, b) => a - b);
  console.log(`one batch of 50: median ${batches[20]!.toFixed(2)} ms, max ${batches.at(-1)!.toFixed(2)} ms`);
  await trail.close();

  const demo = await demoApp();
  const audited = openAuditTrail({ dataDir: data.dir, logger });
  const plain = createApp({ store: demo.store, logger, authenticator: demo.authenticator });
  const withAudit = createApp({ store: demo.store, logger, authenticator: demo.authenticator, audit: audited });
  const body = JSON.stringify({ query: 'query Ping($x: Int) { __typename }', variables: { x: 1 } });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${demo.tokenFor('viewer')}` };
  const run = async (app: typeof plain, n: number) => {
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) await (await app.fetch('http://x/graphql', { method: 'POST', headers, body })).text();
    return (cpuMs(start) * 1000) / n;
  };
  await run(plain, 500);
  await run(withAudit, 500);
  const rounds: Array<[number, number]> = [];
  for (let r = 0; r < 5; r++) rounds.push([await run(plain, 2000), await run(withAudit, 2000)]);
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[2]!;
  const [p, a] = [median(rounds.map((x) => x[0])), median(rounds.map((x) => x[1]))];
  console.log(`API request: ${p.toFixed(0)} us CPU without the audit plugin, ${a.toFixed(0)} us with it (+${(a - p).toFixed(0)} us)`);
  await audited.close();
  console.log(`entries written in all: ${(await audited.head()).seq}`);
  await demo.dispose();
} finally {
  await data.dispose();
}
