/**
 * The part of autocannon 9 the load benchmark uses (the package ships no types, and @types/autocannon is
 * not installed). Shapes from its lib/run.js, lib/httpClient.js and README.
 */
declare module 'autocannon' {
  export interface RequestParams {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }

  export interface Request extends RequestParams {
    /** Called before each send with the connection's context (reset each time the requests[] list starts over). */
    setupRequest?: (request: RequestParams, context: Record<string, unknown>) => RequestParams | undefined;
    /** Called with every answer of this request, body included, before the instance's `response` event. */
    onResponse?: (
      status: number,
      body: string,
      context: Record<string, unknown>,
      headers: Record<string, string | string[]>,
    ) => void;
  }

  /** One connection (lib/httpClient.js). */
  export interface Client {
    destroyed: boolean;
    /** ms a request may take; the ticker fires that long after the last send unless rescheduled. */
    timeout: number;
    timeoutTicker: { reschedule(ms: number): void };
    _doRequest(): void;
    on(event: 'response', listener: (status: number, bytes: number, ms: number) => void): this;
  }

  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Seconds before a request counts as a timeout (and its connection is reopened). */
    timeout?: number;
    pipelining?: number;
    requests?: Request[];
    setupClient?: (client: Client) => void;
    /** Per connection, requests per second (whole numbers; a 1 s window per connection). */
    connectionRate?: number;
    overallRate?: number;
  }

  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
    p99_9: number;
  }

  export interface Result {
    requests: Histogram & { sent: number };
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    mismatches: number;
    duration: number;
    start: Date;
    finish: Date;
    connections: number;
    statusCodeStats: Record<string, { count: number }>;
  }

  export interface Instance {
    on(event: 'response', listener: (client: Client, status: number, bytes: number, ms: number) => void): this;
    on(event: 'done', listener: (result: Result) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    stop(): void;
  }

  function autocannon(options: Options, callback?: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
