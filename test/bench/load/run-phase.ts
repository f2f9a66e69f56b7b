/**
 * One timed run of a client population with autocannon: `connections` connections for `seconds`, either
 * each sending its next request as soon as its answer is in (closed loop: constantly busy) or paced (each
 * connection a user sending one request every `paceMs`, started at a random offset within the first
 * period; when an answer takes longer than the period, the next request goes at once).
 */
import autocannon, { type Client, type Request, type Result } from 'autocannon';
import { Rng } from '@ringtrace/seed/lib/rng.js';
import type { OperationFigures, Recorder } from './recorder.js';

export interface PhaseOptions {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  /** Each connection sends a request every `paceMs` ms; absent: closed loop. */
  readonly paceMs?: number;
  readonly requests: Request[];
  readonly recorder: Recorder;
  readonly seed: number;
}

export interface PhaseResult {
  readonly connections: number;
  readonly seconds: number;
  readonly paceMs?: number;
  /** Requests sent (autocannon's count). */
  readonly sent: number;
  /** Answers received. */
  readonly requests: number;
  /** Answers per second. */
  readonly throughput: number;
  /** autocannon's own figures (all answers, every status): latency ms, errors, timeouts, non-2xx. */
  /** CPU this process (the load generator) used during the run, in cores. */
  readonly clientCores: number;
  readonly autocannon: {
    readonly latency: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number };
    readonly errors: number;
    readonly timeouts: number;
    readonly non2xx: number;
    readonly resets: number;
    readonly statuses: Record<string, number>;
    readonly bytesPerSecond: number;
  };
  /** The recorder's: per operation and all together, problems in bodies included. */
  readonly all: OperationFigures;
  readonly operations: Record<string, OperationFigures>;
}

/** A request timed out after this long (the server's own operation timeout is 30 s). */
const TIMEOUT_S = 30;

/**
 * Paces one connection by wrapping its private `_doRequest` (autocannon 9, lib/httpClient.js: called on
 * connect and after each answer). autocannon's own `connectionRate` counts whole requests per 1 s window
 * that every connection opens at the same instant, which sends all users' requests in one burst each second.
 */
function pace(client: Client, everyMs: number, rng: Rng): void {
  const send = client._doRequest.bind(client);
  let next = performance.now() + rng.float() * everyMs;
  client._doRequest = () => {
    const now = performance.now();
    const at = Math.max(now, next);
    next = at + everyMs;
    if (at - now < 1) return send();
    // autocannon's timeout runs from the last send: a user thinking is not a request timing out.
    client.timeoutTicker.reschedule(at - now + client.timeout);
    setTimeout(() => {
      if (!client.destroyed) send();
    }, at - now);
  };
}

export function runPhase(o: PhaseOptions): Promise<PhaseResult> {
  const rng = new Rng(o.seed);
  const cpu = process.cpuUsage();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: o.url,
        connections: o.connections,
        duration: o.seconds,
        timeout: TIMEOUT_S,
        requests: o.requests,
        ...(o.paceMs !== undefined && { setupClient: (client: Client) => pace(client, o.paceMs!, rng) }),
      },
      (error, result: Result) => {
        if (error) return reject(error);
        const figures = o.recorder.figures();
        const answered = Object.values(figures.all.statuses).reduce((a, b) => a + b, 0);
        const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count]));
        resolve({
          connections: o.connections,
          seconds: o.seconds,
          ...(o.paceMs !== undefined && { paceMs: o.paceMs }),
          // autocannon counts one request per connection as sent while constructing it; paced, that first
          // request goes later and is counted again then.
          sent: result.requests.sent - (o.paceMs !== undefined ? o.connections : 0),
          requests: answered,
          throughput: answered / (result.duration || o.seconds),
          clientCores: (() => {
            const used = process.cpuUsage(cpu);
            return (used.user + used.system) / 1e6 / (result.duration || o.seconds);
          })(),
          autocannon: {
            latency: {
              p50: result.latency.p50,
              p90: result.latency.p90,
              p99: result.latency.p99,
              max: result.latency.max,
            },
            errors: result.errors,
            timeouts: result.timeouts,
            non2xx: result.non2xx,
            resets: result.resets,
            statuses,
            bytesPerSecond: result.throughput.average,
          },
          ...figures,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => o.recorder.response(status, ms));
  });
}
