/**
 * The persisted operations' manifest: every GraphQL operation the web app sends, keyed by the SHA-256
 * of its exact text (what the web's transport hashes and sends as extensions.persistedQuery.sha256Hash).
 * It is extracted from the web's sources, not typed by hand: each document in web/src/api is a constant
 * `const NAME = /* GraphQL *\/ \`...\`` whose text may embed other such constants (`${ENTITY_FIELDS}`);
 * the extraction evaluates those templates exactly as JavaScript does, and refuses anything else (any
 * other expression, an escape) rather than guess. Fragment-only constants are not operations.
 * Written to persisted-operations.json (Apollo's persisted query manifest format) by
 * `pnpm --filter @ringtrace/server codegen`; persisted-operations-manifest.test.ts fails when it is stale.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';

export const WEB_API_DIR = fileURLToPath(new URL('../../../web/src/api/', import.meta.url));
export const MANIFEST_PATH = fileURLToPath(new URL('./persisted-operations.json', import.meta.url));

export interface PersistedOperation {
  /** SHA-256 of `body`, lower-case hex. */
  readonly id: string;
  readonly name: string;
  readonly type: 'query' | 'mutation' | 'subscription';
  readonly body: string;
}

export interface Manifest {
  readonly format: 'apollo-persisted-query-manifest';
  readonly version: 1;
  readonly operations: readonly PersistedOperation[];
}

export interface SourceText {
  readonly name: string;
  readonly text: string;
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const TAGGED = /\/\*\s*GraphQL\s*\*\//g;
const DOCUMENT = /(?:export\s+)?const\s+([A-Za-z_$][\w$]*)\s*=\s*\/\*\s*GraphQL\s*\*\/\s*`([^`]*)`/g;
const PLACEHOLDER = /\$\{([^}]*)\}/g;

/** Every tagged constant's raw template (placeholders unresolved), by name, across the files. */
function templates(files: readonly SourceText[]): Map<string, { file: string; raw: string }> {
  const found = new Map<string, { file: string; raw: string }>();
  for (const { name: file, text } of files) {
    const tagged = text.match(TAGGED)?.length ?? 0;
    let matched = 0;
    for (const [, name, raw] of text.matchAll(DOCUMENT)) {
      matched++;
      if (found.has(name!))
        throw new Error(`${file}: the GraphQL constant ${name} is also in ${found.get(name!)!.file}`);
      // Template literals turn CRLF into LF; a backslash would need cooking: refuse it instead.
      if (raw!.includes('\\')) throw new Error(`${file}: ${name} holds a backslash; documents cannot have escapes`);
      found.set(name!, { file, raw: raw!.replace(/\r\n?/g, '\n') });
    }
    if (matched !== tagged) {
      throw new Error(
        `${file}: ${tagged - matched} /* GraphQL */ template(s) not of the form const NAME = /* GraphQL */ \`...\``,
      );
    }
  }
  return found;
}

/** Each constant's text as JavaScript evaluates it: placeholders replaced by the constants they name. */
export function evaluateDocuments(files: readonly SourceText[]): Map<string, string> {
  const raw = templates(files);
  const done = new Map<string, string>();
  const evaluate = (name: string, stack: readonly string[]): string => {
    const known = done.get(name);
    if (known !== undefined) return known;
    const entry = raw.get(name);
    if (!entry)
      throw new Error(`${stack.at(-1)} embeds \${${name}}, which is no /* GraphQL */ constant in web/src/api`);
    if (stack.includes(name)) throw new Error(`GraphQL constants embed each other: ${[...stack, name].join(' -> ')}`);
    const text = entry.raw.replace(PLACEHOLDER, (_, inner: string) => {
      const ref = inner.trim();
      if (!/^[A-Za-z_$][\w$]*$/.test(ref))
        throw new Error(`${entry.file}: ${name} embeds \${${inner}}; only constants`);
      return evaluate(ref, [...stack, name]);
    });
    done.set(name, text);
    return text;
  };
  for (const name of raw.keys()) evaluate(name, []);
  return done;
}

/** The operations among the documents (fragment-only constants are parts of them), sorted by name. */
export function buildManifest(files: readonly SourceText[]): Manifest {
  const operations: PersistedOperation[] = [];
  for (const [constant, body] of evaluateDocuments(files)) {
    const definitions = parse(body).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (definitions.length === 0) continue;
    if (definitions.length > 1) throw new Error(`${constant} holds ${definitions.length} operations; one each`);
    const operation = definitions[0]!;
    if (!operation.name) throw new Error(`${constant}'s operation has no name`);
    operations.push({ id: sha256Hex(body), name: operation.name.value, type: operation.operation, body });
  }
  operations.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

/** The web's api modules (tests excluded), in name order. */
export async function readWebApiSources(dir = WEB_API_DIR): Promise<SourceText[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
}

/** The manifest file's text, formatted as the repository's Prettier would leave it. */
export async function manifestText(manifest: Manifest): Promise<string> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(MANIFEST_PATH)) ?? {};
  return prettier.format(JSON.stringify(manifest), { ...options, parser: 'json' });
}
