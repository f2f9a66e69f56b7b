/**
 * Turns a query file into a SavedQuery or a list of problems, each with its line: header fields known and
 * well formed, parameter types and defaults valid, one variant per declared engine, every variant using
 * exactly the declared parameters and passing the read-only guard.
 */
import type { ModelShape } from '../model-shape.js';
import { splitParam, splitQueryFile, type RawBody, type RawField } from './format.js';
import { coerce, expected, parseType, type ParamValue } from './param-types.js';
import { checkReadOnly } from './read-only.js';
import {
  ENGINES,
  RETURNS,
  type Engine,
  type Projection,
  type QueryVariant,
  type Returns,
  type SavedQuery,
  type SavedQueryParam,
} from './saved-query.js';
import { tokenize } from './tokens.js';

export interface Problem {
  readonly line: number;
  readonly message: string;
}

const KNOWN_FIELDS = ['name', 'title', 'description', 'engines', 'returns', 'param', 'project'];
const SINGLE = ['name', 'title', 'engines', 'returns', 'project'];
const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function parseParam(field: RawField, model: ModelShape, problems: Problem[]): SavedQueryParam | undefined {
  const problem = (message: string) => problems.push({ line: field.line, message });
  const raw = splitParam(field.value);
  if (!raw) {
    problem(
      `param: expected "param <name>: <type>[?] [(min..max)] [= default] [-- description]", got "${field.value}"`,
    );
    return undefined;
  }
  let type;
  try {
    type = parseType(raw.type, model);
  } catch (error) {
    problem(`param ${raw.name}: ${(error as Error).message}`);
    return undefined;
  }
  let min: number | undefined;
  let max: number | undefined;
  if (raw.range !== undefined) {
    const m = /^\s*(-?[\d.]+)?\s*\.\.\s*(-?[\d.]+)?\s*$/.exec(raw.range);
    const numeric =
      type.name === 'int' ||
      type.name === 'float' ||
      (type.name === 'list' && ['int', 'float'].includes(type.item.name));
    if (!m || !numeric) {
      problem(`param ${raw.name}: a range (min..max) is for int and float parameters, got "(${raw.range})"`);
      return undefined;
    }
    min = m[1] === undefined ? undefined : Number(m[1]);
    max = m[2] === undefined ? undefined : Number(m[2]);
  }
  const bounds = { ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
  let value: ParamValue | undefined;
  if (raw.defaultText !== undefined) {
    const text = type.name === 'string' ? raw.defaultText.replace(/^"(.*)"$/s, '$1') : raw.defaultText;
    value = coerce(type, text, model, { fromText: true, bounds });
    if (value === undefined) {
      problem(`param ${raw.name}: default "${raw.defaultText}" is not ${expected(type, bounds, model)}`);
      return undefined;
    }
  }
  if (raw.description === '') problem(`param ${raw.name}: needs a description after " -- "`);
  return {
    name: raw.name,
    type,
    typeText: raw.type,
    ...(value !== undefined && { default: value }),
    optional: raw.optional,
    ...bounds,
    description: raw.description,
    line: field.line,
  };
}

function parseProjection(field: RawField, model: ModelShape, problems: Problem[]): Projection | undefined {
  const investigation = model.kinds.filter((k) => !k.system).map((k) => k.name);
  if (field.value.trim() === 'all') return { nodes: investigation, rels: model.relationships.map((r) => r.name) };
  const m = /^([^/]+)\/([^/]+)$/.exec(field.value);
  if (!m) {
    problems.push({
      line: field.line,
      message: `project: expected "all" or "<Kind>, <Kind> / <TYPE>, <TYPE>", got "${field.value}"`,
    });
    return undefined;
  }
  const list = (s: string) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const nodes = list(m[1]!);
  const rels = list(m[2]!);
  for (const n of nodes)
    if (!investigation.includes(n)) problems.push({ line: field.line, message: `project: unknown kind "${n}"` });
  for (const r of rels) {
    if (!model.relationships.some((x) => x.name === r))
      problems.push({ line: field.line, message: `project: unknown relationship type "${r}"` });
  }
  return { nodes, rels };
}

/** Parameters a body uses, with the line of their first use. */
function usedParams(body: RawBody): Map<string, number> {
  const used = new Map<string, number>();
  try {
    for (const t of tokenize(body.text))
      if (t.kind === 'param' && !used.has(t.text)) used.set(t.text, body.line + t.line - 1);
  } catch {
    // The guard reports what does not tokenize.
  }
  return used;
}

function checkVariant(
  body: RawBody,
  engine: Engine,
  params: readonly SavedQueryParam[],
  problems: Problem[],
  options: ValidateOptions,
) {
  if (body.text === '') {
    problems.push({ line: body.line, message: `the ${engine} variant is empty` });
    return;
  }
  const refusal = checkReadOnly(body.text, engine, undefined, options);
  if (refusal) {
    problems.push({
      line: body.line + refusal.line - 1,
      message: `${engine} variant: ${refusal.clause}: ${refusal.reason}`,
    });
  }
  const used = usedParams(body);
  for (const [name, line] of used) {
    if (!params.some((p) => p.name === name))
      problems.push({ line, message: `$${name} is used but not declared by a param line` });
  }
  for (const p of params) {
    if (!used.has(p.name))
      problems.push({
        line: p.line,
        message: `param ${p.name} is declared but the ${engine} variant does not use $${p.name}`,
      });
  }
}

export interface ValidateOptions {
  /**
   * Check Neo4j variants on Neo4j's parse tree too (default true). The token rules always run; the parse
   * tree costs about 0.3 s a query, so a server on the embedded engine skips it at start (the Neo4j adapter
   * runs it before every query, and cypher's tests lint every variant).
   */
  readonly neo4jTree?: boolean;
}

export function validateQueryFile(
  text: string,
  fileName: string,
  model: ModelShape,
  options: ValidateOptions = {},
): { query: SavedQuery; problems: [] } | { query: null; problems: Problem[] } {
  const { fields, bodies, strays } = splitQueryFile(text);
  const problems: Problem[] = strays.map((s) => ({ line: s.line, message: `not a header field: "${s.text}"` }));
  const byKey = new Map<string, RawField[]>();
  for (const f of fields) {
    if (!KNOWN_FIELDS.includes(f.key)) {
      problems.push({ line: f.line, message: `unknown header field "${f.key}" (fields: ${KNOWN_FIELDS.join(', ')})` });
      continue;
    }
    byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
  }
  for (const key of SINGLE) {
    const seen = byKey.get(key) ?? [];
    if (seen.length > 1) problems.push({ line: seen[1]!.line, message: `"${key}" is given twice` });
  }
  const one = (key: string) => byKey.get(key)?.[0];
  for (const key of ['name', 'title', 'description', 'engines', 'returns']) {
    if (!one(key) || one(key)!.value === '')
      problems.push({ line: one(key)?.line ?? 1, message: `the header needs "${key}: ..."` });
  }

  const name = one('name')?.value ?? '';
  const expectedName = fileName.replace(/^.*\//, '').replace(/\.cypher$/, '');
  if (name && !NAME.test(name))
    problems.push({ line: one('name')!.line, message: `name "${name}" must be kebab-case (a-z, 0-9, -)` });
  else if (name && name !== expectedName) {
    problems.push({
      line: one('name')!.line,
      message: `name "${name}" must match the file name (${expectedName}.cypher)`,
    });
  }

  const engines = (one('engines')?.value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const e of engines) {
    if (!(ENGINES as readonly string[]).includes(e))
      problems.push({ line: one('engines')!.line, message: `unknown engine "${e}" (engines: ${ENGINES.join(', ')})` });
  }
  const returns = one('returns')?.value ?? '';
  if (returns && !(RETURNS as readonly string[]).includes(returns)) {
    problems.push({
      line: one('returns')!.line,
      message: `returns must be one of ${RETURNS.join(', ')}, got "${returns}"`,
    });
  }

  const params: SavedQueryParam[] = [];
  for (const f of byKey.get('param') ?? []) {
    const p = parseParam(f, model, problems);
    if (!p) continue;
    if (params.some((q) => q.name === p.name))
      problems.push({ line: f.line, message: `param ${p.name} is declared twice` });
    else params.push(p);
  }

  const projectField = one('project');
  const projection = projectField ? parseProjection(projectField, model, problems) : undefined;
  if (projectField && !engines.includes('embedded'))
    problems.push({ line: projectField.line, message: 'project: is for the embedded engine only' });

  const variants: Partial<Record<Engine, QueryVariant>> = {};
  const shared = bodies.find((b) => b.dialect === null);
  const marked = bodies.filter((b) => b.dialect !== null);
  if (shared && marked.length > 0)
    problems.push({
      line: shared.line,
      message: 'text before the first "// dialect:" marker: put every variant under a marker',
    });
  if (bodies.length === 0)
    problems.push({ line: fields[fields.length - 1]?.line ?? 1, message: 'the file has no query after its header' });
  for (const b of marked) {
    if (!(ENGINES as readonly string[]).includes(b.dialect!))
      problems.push({ line: b.line - 1, message: `unknown dialect "${b.dialect}" (dialects: ${ENGINES.join(', ')})` });
    else if (!engines.includes(b.dialect!))
      problems.push({ line: b.line - 1, message: `a ${b.dialect} variant, but engines does not list ${b.dialect}` });
    else if (variants[b.dialect as Engine])
      problems.push({ line: b.line - 1, message: `a second ${b.dialect} variant` });
    else variants[b.dialect as Engine] = { text: b.text, line: b.line };
  }
  for (const e of engines) {
    if (!(ENGINES as readonly string[]).includes(e)) continue;
    const body = shared ?? marked.find((b) => b.dialect === e);
    if (shared) variants[e as Engine] = { text: shared.text, line: shared.line };
    if (!body)
      problems.push({
        line: one('engines')!.line,
        message: `engines lists ${e} but the file has no "// dialect: ${e}" variant`,
      });
    else checkVariant(body, e as Engine, params, problems, options);
  }

  if (problems.length > 0) return { query: null, problems: problems.sort((a, b) => a.line - b.line) };
  const description = (byKey.get('description') ?? []).map((f) => f.value).join(' ');
  return {
    query: {
      name,
      title: one('title')!.value,
      description,
      engines: engines as Engine[],
      returns: returns as Returns,
      params,
      variants,
      ...(projection && { projection }),
      file: fileName,
    },
    problems: [],
  };
}
