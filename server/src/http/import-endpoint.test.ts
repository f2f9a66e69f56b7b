/** The import endpoint in-process (app.fetch): a streamed upload, NDJSON events, runs, undo, refusals. */
import { readFile } from 'node:fs/promises';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { SAMPLES, tempStore } from '../ingest/import/test-support/temp-store.js';
import type { GraphStore } from '../store/port.js';
import { createTestAuth, type TestAuth } from '../testing/test-auth.js';
import { encodeMapping, IMPORT_HEADER, MAPPING_HEADER } from './import-protocol.js';

let app: App;
let store: GraphStore;
let dispose: () => Promise<void>;
let auth: TestAuth;
/** Admin's token: role checks of these paths are in graphql/access/role-matrix.test.ts. */
let admin: Record<string, string>;

beforeAll(async () => {
  ({ store, dispose } = await tempStore());
  auth = await createTestAuth();
  admin = auth.headers('admin');
  app = createApp({ store, logger: pino({ level: 'silent' }), authenticator: auth.authenticator });
});
afterAll(async () => {
  await auth?.dispose();
  await dispose?.();
});

/** The file as a stream of small chunks, as a script's upload arrives. */
function streamOf(bytes: Buffer): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(new Uint8Array(bytes.subarray(at, (at += 64))));
    },
  });
}

async function upload(query: string, bytes: Buffer, headers: Record<string, string> = {}) {
  const response = await app.fetch(`http://localhost/import?${query}`, {
    method: 'POST',
    headers: { [IMPORT_HEADER]: '1', ...admin, ...headers },
    body: streamOf(bytes),
    duplex: 'half',
  } as RequestInit);
  const text = await response.text();
  const lines = response.headers.get('content-type')?.includes('ndjson')
    ? text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];
  return { status: response.status, text, lines };
}

describe('POST /import', () => {
  let run: string;

  it('loads a streamed upload with a built-in mapping, answering its events then the summary', async () => {
    const { status, lines } = await upload('mapping=cdr&name=cdr.csv', await readFile(`${SAMPLES}cdr.csv`));
    expect(status).toBe(200);
    expect(lines[0]).toMatchObject({ type: 'start', files: 1 });
    expect(lines.filter((l) => l['type'] === 'reject')).toHaveLength(4);
    const summary = lines.at(-1)!['summary'] as {
      run: string;
      rows: number;
      files: Array<{ name: string; sha256: string }>;
    };
    expect(lines.at(-1)!['type']).toBe('summary');
    expect(summary).toMatchObject({ rows: 10, rejected: 4, files: [{ name: 'cdr.csv', status: 'loaded' }] });
    run = summary.run;
    const [file] = await store.getEntities([`source:${summary.files[0]!.sha256}`]);
    expect(file!.properties).toMatchObject({ name: 'cdr.csv', importRun: run });
    expect(file!.properties['loadedBy']).toMatch(/^token:[0-9a-f]{16} over http$/);
  });

  it('takes a mapping file in a header', async () => {
    const mapping =
      'format: ringtrace-mapping/1\nname: people\nentities:\n  p: { kind: Person, key: id, properties: { name: name } }\n';
    const { lines } = await upload('name=people.csv', Buffer.from('id,name\nh-1,Hans\n'), {
      [MAPPING_HEADER]: encodeMapping(mapping),
    });
    expect(lines.at(-1)).toMatchObject({ type: 'summary', summary: { rows: 1, entities: { created: 1 } } });
  });

  it('lists runs and undoes one', async () => {
    const runs = (await (await app.fetch('http://localhost/import/runs', { headers: admin })).json()) as {
      runs: Array<{ name: string }>;
    };
    expect(runs.runs.map((r) => r.name)).toContain(run);
    const undo = await app.fetch(`http://localhost/import/undo?run=${run}`, {
      method: 'POST',
      headers: { [IMPORT_HEADER]: '1', ...admin },
    });
    expect(undo.status).toBe(200);
    expect(await undo.json()).toMatchObject({
      undo: { run: { name: run, status: 'undone' }, retracted: { links: { removed: 5 } } },
    });
  });

  it('refuses without its header, with an unknown mapping or run, and a GET on an upload path', async () => {
    const bare = await app.fetch('http://localhost/import?mapping=cdr', { method: 'POST', body: 'x', headers: admin });
    expect(bare.status).toBe(403);
    const unknown = await upload('mapping=nope&name=x.csv', Buffer.from('a\n'));
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.text)).toMatchObject({
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('"nope"') },
    });
    const noRun = await app.fetch('http://localhost/import/undo?run=run-20250101-000000-abcd', {
      method: 'POST',
      headers: { [IMPORT_HEADER]: '1', ...admin },
    });
    expect(noRun.status).toBe(404);
    expect((await app.fetch('http://localhost/import', { headers: admin })).status).toBe(405);
  });
});
