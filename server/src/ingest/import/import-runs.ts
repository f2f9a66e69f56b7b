/**
 * Import runs as `ImportRun` entities (a system kind): written when a run starts, updated as each file
 * completes and when it ends or is undone. A run cites itself (`sha256("ringtrace import run <name>")#run`),
 * never a loaded file, so undoing the run's files leaves its record.
 */
import { randomBytes } from 'node:crypto';
import { invalidArgument, notFound } from '../../domain/errors.js';
import { prepareEntity } from '../../domain/facts/prepare-entity.js';
import type { Entity, EntityWrite } from '../../domain/graph.js';
import { sha256Hex } from '../../domain/provenance.js';
import type { GraphStore } from '../../store/port.js';

export type RunStatus = 'running' | 'complete' | 'failed' | 'undone';

export interface RunRecord {
  /** `run-20250201-101112-ab12`; the entity id is `importrun:<name>`. */
  readonly name: string;
  readonly mapping: string;
  readonly files: readonly string[];
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt?: string | undefined;
  readonly loadedBy: string;
  readonly rows: number;
  readonly rejected: number;
}

const RUN_NAME = /^run-\d{8}-\d{6}-[0-9a-f]{4}$/;
const LIST_CAP = 100_000;

export const runEntityId = (name: string) => `importrun:${name}`;

/** A fresh run name from the time (UTC) and 16 random bits: sortable, short enough to type. */
export function newRunName(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `run-${stamp}-${randomBytes(2).toString('hex')}`;
}

export function checkRunName(name: string): string {
  const trimmed = name.trim().toLowerCase();
  if (!RUN_NAME.test(trimmed))
    throw invalidArgument('run', `"${name}" is not a run name like run-20250201-101112-ab12 (see ringtrace imports)`);
  return trimmed;
}

export function runWrite(run: RunRecord): EntityWrite {
  const source = { sha256: sha256Hex(`ringtrace import run ${run.name}`), locator: 'run' };
  const properties = {
    name: run.name,
    mapping: run.mapping,
    files: [...run.files],
    status: run.status,
    startedAt: run.startedAt,
    ...(run.finishedAt !== undefined && { finishedAt: run.finishedAt }),
    loadedBy: run.loadedBy,
    rows: run.rows,
    rejected: run.rejected,
  };
  return prepareEntity({ kind: 'ImportRun', key: run.name, properties }, source).write;
}

export function runOf(entity: Entity): RunRecord {
  const p = entity.properties;
  const text = (name: string) => (typeof p[name] === 'string' ? (p[name] as string) : '');
  return {
    name: text('name') || entity.id.slice('importrun:'.length),
    mapping: text('mapping'),
    files: Array.isArray(p['files']) ? [...(p['files'] as string[])] : [],
    status: (text('status') || 'running') as RunStatus,
    startedAt: text('startedAt'),
    ...(text('finishedAt') !== '' && { finishedAt: text('finishedAt') }),
    loadedBy: text('loadedBy'),
    rows: typeof p['rows'] === 'number' ? p['rows'] : 0,
    rejected: typeof p['rejected'] === 'number' ? p['rejected'] : 0,
  };
}

export async function getRun(store: GraphStore, name: string): Promise<RunRecord> {
  const checked = checkRunName(name);
  const [entity] = await store.getEntities([runEntityId(checked)]);
  if (!entity) throw notFound('import run', checked);
  return runOf(entity);
}

/** Every run, oldest first (run names sort by start time). */
export async function listRuns(store: GraphStore): Promise<RunRecord[]> {
  const read = await store.runRead('MATCH (r:ImportRun) RETURN r.id AS id', {}, { rowCap: LIST_CAP });
  const ids = read.rows.map((r) => String(r[0]));
  const runs: RunRecord[] = [];
  for (let i = 0; i < ids.length; i += 1000)
    for (const e of await store.getEntities(ids.slice(i, i + 1000))) runs.push(runOf(e));
  return runs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * An unfinished run (running: interrupted; or failed) of the same mapping that was loading exactly the
 * files asked for now, less those it already completed: the run to resume instead of starting another.
 */
export function resumable(
  runs: readonly RunRecord[],
  mapping: string,
  requested: ReadonlySet<string>,
  toLoad: ReadonlySet<string>,
): RunRecord | undefined {
  return runs
    .filter((r) => r.status === 'running' || r.status === 'failed')
    .filter((r) => r.mapping === mapping)
    .filter((r) => r.files.every((f) => requested.has(f)) && [...toLoad].every((f) => r.files.includes(f)))
    .at(-1);
}
