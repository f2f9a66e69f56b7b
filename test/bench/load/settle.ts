/**
 * Between runs, waits for the server to be idle again: work a run left behind (the hostile client's
 * queued 3-hop neighbourhoods and ad-hoc Cypher run on after their clients hung up, up to their 30 s
 * timeout) would otherwise land in the next run. Idle: the server process used less than a tenth of a
 * core over the last second (its CPU time from /proc, engine threads included).
 * Also measures one request at a time on the idle server, for scale.
 */
import { readFile } from 'node:fs/promises';
import { body, SEARCH } from './documents.js';
import { JSON_HEADERS } from './legit-mix.js';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux for every architecture in use). */
const TICKS = 100;

/** CPU seconds a process has used (user and system, all its threads); undefined without /proc. */
export async function cpuSeconds(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // After the command name in parentheses: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** ms waited until the server's CPU use fell under 0.1 core (at most `maxMs`; `timedOut` then). */
export async function settle(
  pid: number,
  maxMs = 120_000,
): Promise<{ readonly ms: number; readonly timedOut: boolean }> {
  const started = performance.now();
  let before = await cpuSeconds(pid);
  if (before === undefined) return { ms: 0, timedOut: false };
  for (;;) {
    await sleep(1000);
    const now = await cpuSeconds(pid);
    if (now === undefined || now - before < 0.1) return { ms: performance.now() - started, timedOut: false };
    if (performance.now() - started > maxMs) return { ms: performance.now() - started, timedOut: true };
    before = now;
  }
}

/** One search at a time on the idle server: the median of five, ms. */
export async function idleMs(url: string, token: string, text: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` },
      body: body(SEARCH, { text, first: 20 }),
    });
    await response.text();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2]!;
}
