/**
 * What one client population got, per operation: latencies, HTTP statuses and the problems found in the
 * answers. Every body is searched for a GraphQL `errors` member (a 200 can carry them), and one body in
 * `parseEvery` is parsed whole to check it holds the data asked for.
 *
 * autocannon calls a request's `setupRequest` as it is about to be sent, then `onResponse` (status, body)
 * and, synchronously on the same connection, emits `response` (status, latency): `body()` keeps the
 * first half until `response()` takes it.
 */
import { percentile } from '../stats.js';

export interface Latency {
  readonly n: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

export interface OperationFigures {
  readonly latency: Latency;
  /** Answers by HTTP status. */
  readonly statuses: Record<string, number>;
  /** Problems by kind: `http 429`, `graphql TIMEOUT`, `no data`, `bad json`, `unanswered`. */
  readonly problems: Record<string, number>;
  /** The first message seen of each kind of problem. */
  readonly messages: Record<string, string>;
  /** Requests sent but not answered when the run ended (their age then is among the latency samples). */
  readonly inFlightAtEnd: number;
}

export const latencyOf = (samples: readonly number[]): Latency => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
  };
};

const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

export interface Problem {
  /** `http 429`, `graphql TIMEOUT`, `no data`, `bad json`. */
  readonly kind: string;
  /** The first error's message, when there is one. */
  readonly message?: string;
}

/** The problem in one answer, or undefined when it is a clean answer to `root`. */
export function problemIn(status: number, body: string, root: string | undefined, parse: boolean): Problem | undefined {
  const failed = status < 200 || status >= 300;
  if (!failed && !parse && !body.includes('"errors"')) return undefined;
  let answer: {
    data?: Record<string, unknown> | null;
    errors?: { message?: string; extensions?: { code?: string } }[];
  };
  try {
    answer = JSON.parse(body) as typeof answer;
  } catch {
    return failed ? { kind: `http ${status}`, message: body.slice(0, 200) } : { kind: 'bad json' };
  }
  const first = answer.errors?.[0];
  const message = first?.message?.slice(0, 200);
  if (failed) return { kind: `http ${status}`, ...(message !== undefined && { message }) };
  if (first) return { kind: `graphql ${first.extensions?.code ?? 'error'}`, ...(message !== undefined && { message }) };
  if (root !== undefined && (answer.data?.[root] ?? null) === null) return { kind: 'no data' };
  return undefined;
}

interface Sent {
  readonly op: string;
  readonly root: string | undefined;
  readonly at: number;
}

export class Recorder {
  private readonly samples = new Map<string, number[]>();
  private readonly statuses = new Map<string, Record<string, number>>();
  private readonly problems = new Map<string, Record<string, number>>();
  private readonly messages = new Map<string, Record<string, string>>();
  /** Requests sent and not answered yet, by their autocannon context (a fresh object per request). */
  private readonly inFlight = new Map<object, Sent>();
  /** Requests unanswered when the figures were taken, by operation. */
  private readonly unanswered = new Map<string, number>();
  private pending: { op: string; problem: Problem | undefined } | undefined;
  private bodies = 0;

  constructor(private readonly parseEvery = 20) {}

  /** From `setupRequest`, as the request is built to be sent. */
  sending(context: object, op: string, root?: string): void {
    this.inFlight.set(context, { op, root, at: performance.now() });
  }

  /** From `onResponse`: what the body of the request of `context` holds. */
  body(context: object, status: number, text: string): void {
    const sent = this.inFlight.get(context);
    this.inFlight.delete(context);
    const parse = this.bodies++ % this.parseEvery === 0;
    const op = sent?.op ?? 'unknown';
    this.pending = { op, problem: problemIn(status, text, sent?.root, parse) };
  }

  /** From the `response` event right after: the latency of that answer. */
  response(status: number, ms: number): void {
    const { op, problem } = this.pending ?? { op: 'unknown', problem: undefined };
    this.pending = undefined;
    this.sample(op, ms);
    const statuses = this.statuses.get(op) ?? {};
    bump(statuses, String(status));
    this.statuses.set(op, statuses);
    if (problem !== undefined) this.problem(op, problem);
  }

  private sample(op: string, ms: number) {
    const list = this.samples.get(op) ?? [];
    list.push(ms);
    this.samples.set(op, list);
  }

  private problem(op: string, problem: Problem) {
    const problems = this.problems.get(op) ?? {};
    bump(problems, problem.kind);
    this.problems.set(op, problems);
    const messages = this.messages.get(op) ?? {};
    if (problem.message !== undefined) messages[problem.kind] ??= problem.message;
    this.messages.set(op, messages);
  }

  /** Takes in another recorder's answers (the hostile client's two populations, reported as one). */
  absorb(other: Recorder): void {
    other.settleInFlight();
    this.settleInFlight();
    const add = <T>(into: Map<string, T>, from: Map<string, T>, merge: (a: T, b: T) => T) => {
      for (const [op, v] of from) into.set(op, into.has(op) ? merge(into.get(op)!, v) : v);
    };
    const sum = (a: Record<string, number>, b: Record<string, number>) => {
      const out = { ...a };
      for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
      return out;
    };
    add(this.samples, other.samples, (a, b) => [...a, ...b]);
    add(this.statuses, other.statuses, sum);
    add(this.problems, other.problems, sum);
    add(this.messages, other.messages, (a, b) => ({ ...b, ...a }));
    add(this.unanswered, other.unanswered, (a, b) => a + b);
  }

  /** Requests still unanswered become samples of their age now. */
  private settleInFlight(): void {
    const now = performance.now();
    for (const [context, sent] of this.inFlight) {
      this.sample(sent.op, now - sent.at);
      this.unanswered.set(sent.op, (this.unanswered.get(sent.op) ?? 0) + 1);
      this.inFlight.delete(context);
    }
  }

  /**
   * The figures so far. A request still unanswered (the run ended first; or it timed out or lost its
   * connection, which autocannon counts as errors) is a latency sample of its age now, a lower bound:
   * dropping it would hide exactly the slowest requests.
   */
  figures(): { all: OperationFigures; operations: Record<string, OperationFigures> } {
    this.settleInFlight();
    const inFlight = this.unanswered;
    const operations: Record<string, OperationFigures> = {};
    const all = {
      samples: [] as number[],
      statuses: {} as Record<string, number>,
      problems: {} as Record<string, number>,
      messages: {} as Record<string, string>,
    };
    for (const [op, samples] of [...this.samples].sort(([a], [b]) => a.localeCompare(b))) {
      const statuses = this.statuses.get(op) ?? {};
      const problems = this.problems.get(op) ?? {};
      const messages = this.messages.get(op) ?? {};
      const inFlightAtEnd = inFlight.get(op) ?? 0;
      operations[op] = { latency: latencyOf(samples), statuses, problems, messages, inFlightAtEnd };
      all.samples.push(...samples);
      for (const [k, v] of Object.entries(statuses)) all.statuses[k] = (all.statuses[k] ?? 0) + v;
      for (const [k, v] of Object.entries(problems)) all.problems[k] = (all.problems[k] ?? 0) + v;
      for (const [k, v] of Object.entries(messages)) all.messages[k] ??= v;
    }
    const { samples, ...counted } = all;
    const inFlightAtEnd = [...inFlight.values()].reduce((a, b) => a + b, 0);
    return { all: { latency: latencyOf(samples), ...counted, inFlightAtEnd }, operations };
  }
}
