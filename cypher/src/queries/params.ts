/**
 * Checks the values given for a saved query's parameters: every declared one resolved (given, default,
 * or null when optional), every given one declared, each of its declared type. Errors name the parameter
 * and the type expected.
 */
import type { ModelShape } from '../model-shape.js';
import { nearMatches } from './near-matches.js';
import { coerce, expected, type ParamValue } from './param-types.js';
import type { SavedQuery } from './saved-query.js';

export class ParamError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = 'ParamError';
  }
}

export function resolveParams(
  query: SavedQuery,
  given: Readonly<Record<string, unknown>>,
  model: ModelShape,
  options: { fromText?: boolean } = {},
): Record<string, ParamValue> {
  const declared = query.params.map((p) => p.name);
  for (const name of Object.keys(given)) {
    if (!declared.includes(name)) {
      const near = nearMatches(name, declared);
      const hint = near.length ? ` (did you mean ${near.join(', ')}?)` : '';
      throw new ParamError(
        name,
        `${query.name} has no parameter "${name}"${hint}; its parameters: ${declared.join(', ') || 'none'}`,
      );
    }
  }
  const out: Record<string, ParamValue> = {};
  for (const p of query.params) {
    const bounds = { ...(p.min !== undefined && { min: p.min }), ...(p.max !== undefined && { max: p.max }) };
    const raw = Object.hasOwn(given, p.name) ? given[p.name] : undefined;
    if (raw === undefined || raw === null) {
      if (p.default !== undefined) out[p.name] = p.default;
      else if (p.optional) out[p.name] = null;
      else {
        throw new ParamError(p.name, `parameter ${p.name} is required: ${expected(p.type, bounds, model)}`);
      }
      continue;
    }
    const value = coerce(p.type, raw, model, { ...options, bounds });
    if (value === undefined) {
      throw new ParamError(
        p.name,
        `parameter ${p.name} must be ${expected(p.type, bounds, model)} (${p.typeText}), got ${JSON.stringify(raw)}`,
      );
    }
    out[p.name] = value;
  }
  return out;
}
