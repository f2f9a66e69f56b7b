/**
 * Where `ringtrace import` and `imports` work: the store itself (opened here), or a running server that
 * holds it (the embedded engine allows one process per database). `--server <url>` picks the server;
 * otherwise the store is opened, and when another process holds the embedded database the configured
 * server address (http://HOST:PORT) is tried before giving up.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Config } from '../../config.js';
import { DomainError, isDomainError } from '../../domain/errors.js';
import {
  IMPORT_HEADER,
  IMPORT_PATH,
  LOADED_BY_HEADER,
  MAPPING_HEADER,
  MAX_MAPPING_HEADER,
  RUNS_PATH,
  UNDO_PATH,
  encodeMapping,
} from '../../http/import-protocol.js';
import type {
  ImportEvent,
  ImportFile,
  ImportSummary,
  LoadedMapping,
  RunRecord,
  UndoResult,
} from '../../ingest/import/index.js';
import { openStore } from '../../store/open-store.js';
import type { GraphStore } from '../../store/port.js';

export interface ImportRequest {
  readonly files: readonly ImportFile[];
  readonly mapping: LoadedMapping;
  readonly label?: string | undefined;
  readonly loadedBy: string;
  readonly dryRun: boolean;
  readonly force: boolean;
  readonly title?: string | undefined;
  readonly batchSize?: number | undefined;
  /** Bulk load: true, false, or undefined for the importer's choice by file size. */
  readonly fast: boolean | undefined;
  readonly signal: AbortSignal;
  readonly onEvent: (e: ImportEvent) => void;
}

export interface ImportTarget {
  /** For messages: `the embedded database in ./data` or `the server at http://...`. */
  readonly where: string;
  import(r: ImportRequest): Promise<ImportSummary>;
  undo(run: string): Promise<UndoResult>;
  runs(): Promise<{ runs: RunRecord[]; active?: ReadonlySet<string> }>;
  close(): Promise<void>;
}

function localTarget(store: GraphStore): ImportTarget {
  const embedded = store.info.engine === 'embedded';
  return {
    where: `the ${embedded ? 'embedded database' : 'Neo4j database'} at ${store.info.location}`,
    async import(r) {
      const { runImport } = await import('../../ingest/import/index.js');
      const { files, mapping, label, loadedBy, dryRun, force, title, batchSize, fast, signal, onEvent } = r;
      const options = { files, mapping, label, loadedBy, dryRun, force, title, batchSize, fast, signal, onEvent };
      return runImport(store, options);
    },
    async undo(run) {
      const { undoImport } = await import('../../ingest/import/index.js');
      return undoImport(store, run);
    },
    async runs() {
      const { listRuns } = await import('../../ingest/import/index.js');
      // This process holds the embedded database: nothing else can be loading into it.
      return { runs: await listRuns(store), ...(embedded && { active: new Set<string>() }) };
    },
    close: () => store.close(),
  };
}

async function refusalOf(response: Response, url: string): Promise<never> {
  const text = await response.text();
  let error: { code?: string; message?: string } | undefined;
  try {
    // The endpoint's own refusals are `{ error }`; the auth plugin's 401 is GraphQL-shaped `{ errors: [...] }`.
    const body = JSON.parse(text) as {
      error?: { code?: string; message?: string };
      errors?: Array<{ message?: string; extensions?: { code?: string } }>;
    };
    const first = body.errors?.[0];
    error = body.error ?? (first && { code: first.extensions?.code, message: first.message });
  } catch {
    // not our JSON: a proxy, another program on the port
  }
  const code = (error?.code ?? 'UNAVAILABLE') as DomainError['code'];
  throw new DomainError(
    code,
    error?.message ?? `the server at ${url} answered ${response.status}: ${text.slice(0, 200)}`,
  );
}

async function* ndjson(body: ReadableStream<Uint8Array>): AsyncGenerator<Record<string, unknown>> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as Record<string, unknown>;
  }
  if (pending.trim() !== '') yield JSON.parse(pending) as Record<string, unknown>;
}

function combine(parts: ImportSummary[]): ImportSummary {
  const add = (k: 'entities' | 'links') => ({
    created: parts.reduce((n, p) => n + p[k].created, 0),
    updated: parts.reduce((n, p) => n + p[k].updated, 0),
    unchanged: parts.reduce((n, p) => n + p[k].unchanged, 0),
  });
  const runs = parts.flatMap((p) => (p.run ? [p.run] : []));
  return {
    ...(runs.length > 0 && { run: runs.join(', ') }),
    resumed: parts.some((p) => p.resumed),
    dryRun: parts[0]?.dryRun ?? false,
    mapping: parts[0]?.mapping ?? '',
    files: parts.flatMap((p) => p.files),
    rows: parts.reduce((n, p) => n + p.rows, 0),
    entities: add('entities'),
    links: add('links'),
    rejected: parts.reduce((n, p) => n + p.rejected, 0),
    flagged: parts.reduce((n, p) => n + p.flagged, 0),
    seconds: parts.reduce((n, p) => n + p.seconds, 0),
  };
}

/** Through a server: one request (and one run) per file. */
export function remoteTarget(base: string, token?: string): ImportTarget {
  const url = base.replace(/\/+$/, '');
  const auth: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const post = { [IMPORT_HEADER]: '1', ...auth };
  async function importOne(r: ImportRequest, file: ImportFile): Promise<ImportSummary> {
    const q = new URLSearchParams({ name: file.name ?? file.path });
    const headers: Record<string, string> = { ...post, [LOADED_BY_HEADER]: r.loadedBy };
    if (r.mapping.origin.startsWith('builtin:')) q.set('mapping', r.mapping.origin.slice('builtin:'.length));
    else {
      const encoded = encodeMapping(await readFile(r.mapping.origin, 'utf8'));
      if (encoded.length > MAX_MAPPING_HEADER) {
        throw new DomainError(
          'LIMIT_EXCEEDED',
          `the mapping is too large to send to a server (${encoded.length} > ${MAX_MAPPING_HEADER} bytes encoded)`,
        );
      }
      headers[MAPPING_HEADER] = encoded;
    }
    if (r.dryRun) q.set('dryRun', '1');
    if (r.force) q.set('force', '1');
    if (r.fast !== undefined) q.set('fast', r.fast ? '1' : '0');
    if (r.title !== undefined) q.set('title', r.title);
    if (r.batchSize !== undefined) q.set('batchSize', String(r.batchSize));
    const response = await fetch(`${url}${IMPORT_PATH}?${q}`, {
      method: 'POST',
      headers,
      body: Readable.toWeb(createReadStream(file.path)) as unknown as ReadableStream<Uint8Array>,
      duplex: 'half',
      signal: r.signal,
    } as RequestInit);
    if (!response.ok || !response.body) return refusalOf(response, url);
    for await (const message of ndjson(response.body)) {
      if (message['type'] === 'summary') return message['summary'] as ImportSummary;
      if (message['type'] === 'error') {
        throw new DomainError((message['code'] as DomainError['code']) ?? 'INTERNAL', String(message['message']));
      }
      r.onEvent(message as unknown as ImportEvent);
    }
    throw new DomainError('UNAVAILABLE', `the server at ${url} stopped answering before the import ended`);
  }
  return {
    where: `the server at ${url}`,
    async import(r) {
      if (r.files.some((f) => f.mapping !== undefined)) {
        throw new DomainError(
          'UNAVAILABLE',
          `a case bundle imports into the store directly, not through ${url}: stop the server first`,
        );
      }
      const parts: ImportSummary[] = [];
      for (const file of r.files) {
        if (r.signal.aborted) break;
        parts.push(await importOne(r, file));
      }
      return combine(parts);
    },
    async undo(run) {
      const response = await fetch(`${url}${UNDO_PATH}?${new URLSearchParams({ run })}`, {
        method: 'POST',
        headers: post,
      });
      if (!response.ok) return refusalOf(response, url);
      return ((await response.json()) as { undo: UndoResult }).undo;
    },
    async runs() {
      const response = await fetch(`${url}${RUNS_PATH}`, { headers: auth });
      if (!response.ok) return refusalOf(response, url);
      const body = (await response.json()) as { runs: RunRecord[]; active: string[] };
      return { runs: body.runs, active: new Set(body.active) };
    },
    close: async () => undefined,
  };
}

async function serverAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1500) });
    return response.ok;
  } catch {
    return false;
  }
}

/** `token`: forwarded as `Authorization: Bearer` to a server (which checks it again). */
export async function openImportTarget(config: Config, server?: string, token?: string): Promise<ImportTarget> {
  if (server !== undefined) {
    if (!(await serverAnswers(server)))
      throw new DomainError('UNAVAILABLE', `no Ringtrace server answers at ${server}`);
    return remoteTarget(server, token);
  }
  try {
    return localTarget(await openStore(config));
  } catch (error) {
    if (!isDomainError(error) || !/in use by another process/.test(error.message)) throw error;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
    if (await serverAnswers(url)) return remoteTarget(url, token);
    throw new DomainError('UNAVAILABLE', `${error.message}; no server answers at ${url} either (pass --server <url>)`);
  }
}
