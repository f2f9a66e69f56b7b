/**
 * Quoting for Kuzu statement text. Names come from the model (validated against it before use), never
 * from a request, but they are still quoted: `Case` and `Call` are reserved words in Kuzu's grammar.
 */

/** A table, property or alias name as a quoted identifier. */
export function ident(name: string): string {
  return '`' + name.replaceAll('`', '``') + '`';
}

/** A string literal (for names passed to CALL functions and inlined filter lists). */
export function literal(value: string): string {
  return "'" + value.replaceAll('\\', '\\\\').replaceAll("'", "\\'") + "'";
}

/** An inlined list of string literals, e.g. `['Victim','Wallet']`. */
export function literalList(values: readonly string[]): string {
  return '[' + values.map(literal).join(',') + ']';
}
