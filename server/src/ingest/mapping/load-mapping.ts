/**
 * Mappings from YAML or JSON text, a file, or a built-in name: parsed, checked with zod (shape) and
 * against the model (names), compiled. Every refusal names the mapping and each field that is wrong.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { invalidArgument } from '../../domain/errors.js';
import { sha256Hex } from '../../domain/provenance.js';
import { compileMapping, type CompiledMapping } from './compile-mapping.js';
import { mappingSchema } from './mapping-schema.js';

export interface LoadedMapping extends CompiledMapping {
  /** Where it came from: `builtin:cdr` or the file's path. */
  readonly origin: string;
  /** SHA-256 of the mapping's canonical JSON (defaults filled in): what a run records and resumes by. */
  readonly sha256: string;
}

const BUILTIN_DIR = fileURLToPath(new URL('./builtin/', import.meta.url));

/** Canonical JSON: keys sorted at every level, so the same mapping hashes the same however it was written. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Parses mapping text (YAML, of which JSON is a subset) and checks it; `where` names it in errors. */
export function parseMapping(text: string, where: string, origin = where): LoadedMapping {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    throw invalidArgument(
      'mapping',
      `${where}${line ? ` line ${line}` : ''}: not YAML or JSON: ${e.message.split('\n')[0]}`,
    );
  }
  return mappingFromObject(doc.toJS(), where, origin);
}

/** A mapping given as data (built by code, e.g. for a case bundle's files), checked like a file. */
export function mappingFromObject(value: unknown, where: string, origin = where): LoadedMapping {
  const result = mappingSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 12)
      .map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`)
      .join('; ');
    throw invalidArgument('mapping', `${where} is not a ringtrace mapping: ${problems}`);
  }
  const compiled = compileMapping(result.data, where);
  return { ...compiled, origin, sha256: sha256Hex(canonicalJson(result.data)) };
}

/** Names of the built-in mappings (`builtin/<name>.yaml`). */
export async function builtinMappingNames(): Promise<string[]> {
  const files = await readdir(BUILTIN_DIR);
  return files
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** A built-in mapping by name. */
export async function builtinMapping(name: string): Promise<LoadedMapping> {
  const names = await builtinMappingNames();
  if (!names.includes(name)) {
    throw invalidArgument(
      '--mapping',
      `no mapping file "${name}" and no built-in of that name (built-in: ${names.join(', ')})`,
    );
  }
  const text = await readFile(`${BUILTIN_DIR}${name}.yaml`, 'utf8');
  return parseMapping(text, `built-in mapping ${name}`, `builtin:${name}`);
}

/** `--mapping <file|built-in name>`: a file when one exists at that path, else a built-in. */
export async function loadMapping(nameOrPath: string, cwd = process.cwd()): Promise<LoadedMapping> {
  const path = nameOrPath.startsWith('/') ? nameOrPath : `${cwd}/${nameOrPath}`;
  if (!existsSync(path)) return builtinMapping(nameOrPath);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw invalidArgument('--mapping', `${path} cannot be read: ${(e as Error).message}`);
  }
  return parseMapping(text, `mapping ${basename(path)}`, path);
}
