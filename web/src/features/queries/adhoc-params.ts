/**
 * The ad-hoc editor's parameters: a JSON object (`{"centre": "callcentre:moscow-orion", "hops": 3}`),
 * read before the run so a typo is named here. Which values the engine can bind is the server's to say
 * (scalars and lists of one type; no maps). Pure.
 */

export type AdhocReading =
  { readonly ok: true; readonly params: Record<string, unknown> } | { readonly ok: false; readonly message: string };

export function readAdhocParams(text: string): AdhocReading {
  if (text.trim() === '') return { ok: true, params: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Parameters: not JSON (${(error as Error).message})` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return {
      ok: false,
      message: 'Parameters: expected a JSON object of names to values, like {"centre": "callcentre:x"}',
    };
  }
  for (const name of Object.keys(parsed)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      return { ok: false, message: `Parameters: "${name}" is not a parameter name (letters, digits, _)` };
    }
  }
  return { ok: true, params: parsed as Record<string, unknown> };
}

/** `$name`s the query text uses, outside strings and comments, in order: the editor completes them. */
export function parametersUsed(query: string): string[] {
  const code = query
    .replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`/g, ' ');
  return [...new Set([...code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))];
}
