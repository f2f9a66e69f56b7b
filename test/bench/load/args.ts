/** The load section's flags of `pnpm bench` (declared here, parsed with the others in ../args.ts). */

/** Entries for node:util parseArgs. */
export const LOAD_OPTIONS = {
  'load-scale': { type: 'string' },
  'load-seconds': { type: 'string' },
  'load-connections': { type: 'string' },
  'load-users': { type: 'string' },
  'load-hostile-connections': { type: 'string' },
  'load-pace-ms': { type: 'string' },
  'load-warmup-seconds': { type: 'string' },
} as const;

export const LOAD_USAGE = `
  load (issue 7, item 6: autocannon against the real server in a child process, real tokens):
  --only load                    run only the load section
  --load-scale N                 relationships of the generated case (default 5e5: about 1e5 entities)
  --load-seconds N               each timed run (default 60)
  --load-connections N           legitimate connections, constantly busy (default 200)
  --load-users N                 legitimate tokens, half analysts, half viewers (default 40)
  --load-hostile-connections N   the hostile client's connections, one token (default 32; 0: no hostile runs)
  --load-pace-ms N               the paced variant: each connection a user sending a request every N ms
                                 (default 30000; 0: no paced runs)
  --load-warmup-seconds N        untimed run before the first timed one (default 10)`;

export interface LoadArgs {
  readonly scale: number;
  readonly seconds: number;
  readonly connections: number;
  readonly users: number;
  readonly hostileConnections: number;
  readonly paceMs: number;
  readonly warmupSeconds: number;
}

function whole(name: string, raw: string, min: number): number {
  const v = Number(raw.trim());
  if (!Number.isInteger(v) || v < min) throw new Error(`--${name} takes a whole number >= ${min}, got ${raw}`);
  return v;
}

export function loadArgs(values: Partial<Record<keyof typeof LOAD_OPTIONS, string>>): LoadArgs {
  return {
    scale: whole('load-scale', values['load-scale'] ?? '5e5', 1000),
    seconds: whole('load-seconds', values['load-seconds'] ?? '60', 1),
    connections: whole('load-connections', values['load-connections'] ?? '200', 1),
    users: whole('load-users', values['load-users'] ?? '40', 1),
    hostileConnections: whole('load-hostile-connections', values['load-hostile-connections'] ?? '32', 0),
    paceMs: whole('load-pace-ms', values['load-pace-ms'] ?? '30000', 0),
    warmupSeconds: whole('load-warmup-seconds', values['load-warmup-seconds'] ?? '10', 0),
  };
}

/** `--only load` asks for the load section; without `--only` it runs with the others. */
export const wantsLoad = (only: readonly string[] | undefined) => !only || only.includes('load');
