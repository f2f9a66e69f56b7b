/**
 * Text for Kuzu's full-text index. Kuzu 0.11.3 strips ASCII digits from every query before matching
 * (the index's `ignore_pattern` option is honoured when indexing but not when querying), so a phone
 * number, an IP or an address could never be found. Digits are therefore mapped to ten Runic letters
 * (U+16A0..U+16A9) on both sides: in the stored `searchText` and in the query. Runic letters are not
 * touched by the tokenizer, the lower-casing or the stemmer; wildcards (`7495*`) keep working.
 */
const RUNIC_ZERO = 0x16a0;

export function encodeFtsText(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCodePoint(RUNIC_ZERO + Number(d)));
}

export function decodeFtsText(text: string): string {
  return text.replace(/[\u16a0-\u16a9]/g, (r) => String(r.codePointAt(0)! - RUNIC_ZERO));
}

/** Whether Kuzu's full-text search reads `text` as a pattern (`*`: any run of characters, `?`: one). */
export const hasFtsWildcard = (text: string): boolean => /[*?]/.test(text);
