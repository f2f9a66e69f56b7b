/**
 * Progress of an import on stderr: a bar (cli-progress: bytes of the files done, rows, rows/s, ETA) on a
 * terminal, JSON lines for scripts (`--progress lines`: one per file and at most every 200 ms), or nothing.
 */
import { SingleBar } from 'cli-progress';
import type { ImportEvent } from '../../ingest/import/index.js';

export type ProgressMode = 'bar' | 'lines' | 'none';

export interface Progress {
  onEvent(event: ImportEvent): void;
  stop(): void;
}

const LINES_EVERY_MS = 200;

export function createProgress(mode: ProgressMode, out: NodeJS.WriteStream = process.stderr): Progress {
  let done = 0; // bytes of the files finished
  let rowsDone = 0;
  let current = { bytes: 0, rows: 0, name: '' };
  const started = performance.now();
  const speed = () => Math.round((rowsDone + current.rows) / Math.max(0.001, (performance.now() - started) / 1000));

  if (mode === 'lines') {
    let last = 0;
    const line = (o: object) => out.write(`${JSON.stringify(o)}\n`);
    return {
      onEvent(e) {
        if (e.type === 'start' || e.type === 'file' || e.type === 'file-done') line(e);
        else if (e.type === 'progress' && performance.now() - last >= LINES_EVERY_MS) {
          last = performance.now();
          line({ ...e, rowsPerSecond: speed() });
        }
        if (e.type === 'progress') current = { ...current, rows: e.rows };
        if (e.type === 'file-done') {
          rowsDone += e.outcome.rows;
          current = { bytes: 0, rows: 0, name: '' };
        }
      },
      stop() {},
    };
  }
  if (mode === 'none') return { onEvent() {}, stop() {} };

  const bar = new SingleBar({
    stream: out,
    format: '{file} |{bar}| {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted}',
    hideCursor: true,
    etaBuffer: 50,
    fps: 5,
    barCompleteChar: '#',
    barIncompleteChar: '.',
  });
  let running = false;
  return {
    onEvent(e) {
      if (e.type === 'start') {
        bar.start(Math.max(1, e.bytes), 0, { file: '', rows: 0, speed: 0 });
        running = true;
      } else if (e.type === 'file') current = { bytes: 0, rows: 0, name: e.name.split('/').at(-1) ?? e.name };
      else if (e.type === 'progress') {
        current = { ...current, bytes: e.bytes, rows: e.rows };
        bar.update(done + e.bytes, {
          file: current.name,
          rows: (rowsDone + e.rows).toLocaleString('en-US'),
          speed: speed(),
        });
      } else if (e.type === 'file-done') {
        done += current.bytes;
        rowsDone += e.outcome.rows;
        current = { bytes: 0, rows: 0, name: current.name };
      }
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
