/**
 * Records the statements the store sends to the engine, so the benchmark can replay exactly them (same
 * text, same parameters) on its own connections. The adapter has no trace hook, so this wraps the kuzu
 * Connection's `prepare` (text of each prepared statement) and, only while a trace runs, `execute`.
 *
 * Calls are grouped in waves the way the store issued them: the store awaits one step before the next
 * (seed lookup, then the BFS, then entities and links in parallel). A call issued after an earlier call
 * of the current wave has finished starts a new wave; the replay runs each wave's calls in parallel.
 */
import type { ConnectionClass, Params, PreparedStatement } from './engine.js';

export interface TracedCall {
  readonly text: string;
  readonly params: Params;
}
export type Trace = TracedCall[][];

export class StatementTracer {
  private readonly texts = new WeakMap<PreparedStatement, string>();
  private readonly originalPrepare: ConnectionClass['prototype']['prepare'];
  private readonly originalExecute: ConnectionClass['prototype']['execute'];

  /** Install before the store prepares anything (before `init()`), so every statement's text is known. */
  constructor(private readonly Connection: ConnectionClass) {
    const proto = Connection.prototype;
    this.originalPrepare = proto.prepare;
    this.originalExecute = proto.execute;
    const texts = this.texts;
    const prepare = this.originalPrepare;
    proto.prepare = async function (this: typeof proto, text: string) {
      const ps = await prepare.call(this, text);
      texts.set(ps, text);
      return ps;
    };
  }

  /** Runs `work` and returns the statements it sent, in waves. */
  async trace(work: () => Promise<unknown>): Promise<Trace> {
    const proto = this.Connection.prototype;
    const execute = this.originalExecute;
    const recording = { waves: [] as Trace, waveDone: true };
    const texts = this.texts;
    proto.execute = function (this: typeof proto, ps: PreparedStatement, params: Params = {}) {
      const text = texts.get(ps);
      if (text === undefined) throw new Error('a statement prepared before the tracer was installed');
      if (recording.waveDone) {
        recording.waves.push([]);
        recording.waveDone = false;
      }
      const wave = recording.waves.at(-1)!;
      wave.push({ text, params: { ...params } });
      const pending = execute.call(this, ps, params);
      void pending.then(
        () => {
          if (recording.waves.at(-1) === wave) recording.waveDone = true;
        },
        () => undefined,
      );
      return pending;
    };
    try {
      await work();
    } finally {
      proto.execute = execute;
    }
    return recording.waves;
  }

  /** Puts the engine's methods back. */
  uninstall(): void {
    this.Connection.prototype.prepare = this.originalPrepare;
    this.Connection.prototype.execute = this.originalExecute;
  }
}

export const statementsIn = (trace: Trace) => trace.reduce((n, wave) => n + wave.length, 0);
