import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { base58, bech32, bech32m } from '@scure/base';

export type Chain = 'btc' | 'eth' | 'trx';

export type WalletResult =
  { ok: true; chain: Chain; address: string } | { ok: false; raw: string; chain: Chain | 'unknown'; reason: string };

const EVM = /^0[xX]([0-9a-fA-F]{40})$/;
const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/;

/** The EIP-55 mixed-case checksum form of 40 hex digits (returned with its 0x). */
export function eip55(hex40: string): string {
  const lower = hex40.toLowerCase();
  const hash = bytesToHex(keccak_256(utf8ToBytes(lower)));
  let out = '0x';
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i]!;
    out += parseInt(hash[i]!, 16) >= 8 ? c.toUpperCase() : c;
  }
  return out;
}

function evm(raw: string, hex: string): WalletResult {
  const allLower = hex === hex.toLowerCase();
  const allUpper = hex === hex.toUpperCase();
  // Mixed case is a checksum claim (EIP-55); one wrong letter case means a mistyped address.
  if (!allLower && !allUpper && eip55(hex) !== `0x${hex}`) {
    return { ok: false, raw, chain: 'eth', reason: 'EIP-55 checksum mismatch' };
  }
  return { ok: true, chain: 'eth', address: `0x${hex.toLowerCase()}` };
}

/** Base58check: 21 bytes (version + 20-byte hash) and the first 4 bytes of a double SHA-256. */
function base58check(raw: string, text: string, guess: Chain | 'unknown'): WalletResult {
  if (!BASE58.test(text))
    return { ok: false, raw, chain: guess, reason: 'not base58 (has 0, O, I, l or another character)' };
  const bytes = base58.decode(text);
  if (bytes.length !== 25)
    return { ok: false, raw, chain: guess, reason: `decodes to ${bytes.length} bytes, expected 25` };
  const payload = bytes.subarray(0, 21);
  const check = sha256(sha256(payload)).subarray(0, 4);
  if (!check.every((b, i) => b === bytes[21 + i])) {
    return { ok: false, raw, chain: guess, reason: 'base58check checksum mismatch' };
  }
  const version = payload[0]!;
  // 0x00 P2PKH and 0x05 P2SH on Bitcoin mainnet; 0x41 is TRON's, which is why its addresses start with T.
  if (version === 0x00 || version === 0x05) return { ok: true, chain: 'btc', address: text };
  if (version === 0x41) return { ok: true, chain: 'trx', address: text };
  const hexVersion = `0x${version.toString(16).padStart(2, '0')}`;
  return { ok: false, raw, chain: guess, reason: `base58check version ${hexVersion} is not Bitcoin mainnet or TRON` };
}

/** Segwit addresses (BIP 173 / BIP 350): witness v0 is bech32, v1 and later bech32m; mainnet `bc` only. */
function segwit(raw: string, text: string): WalletResult {
  const fail = (reason: string): WalletResult => ({ ok: false, raw, chain: 'btc', reason });
  if (text !== text.toLowerCase() && text !== text.toUpperCase())
    return fail('bech32 must not mix upper and lower case');
  const lower = text.toLowerCase();
  const v0 = bech32.decodeUnsafe(lower);
  const v1 = v0 ? undefined : bech32m.decodeUnsafe(lower);
  const decoded = v0 ?? v1;
  if (!decoded) return fail('bech32 checksum mismatch or invalid character');
  if (decoded.prefix !== 'bc') return fail(`prefix "${decoded.prefix}" is not Bitcoin mainnet "bc"`);
  const [version, ...programWords] = decoded.words;
  if (version === undefined || version > 16) return fail('no valid witness version');
  if (version === 0 && !v0) return fail('witness v0 must be encoded with bech32, not bech32m');
  if (version > 0 && !v1) return fail(`witness v${version} must be encoded with bech32m, not bech32`);
  const program = bech32.fromWordsUnsafe(programWords);
  if (!program) return fail('invalid padding in the witness program');
  if (program.length < 2 || program.length > 40) return fail(`witness program of ${program.length} bytes`);
  if (version === 0 && program.length !== 20 && program.length !== 32) {
    return fail(`witness v0 program of ${program.length} bytes, expected 20 or 32`);
  }
  return { ok: true, chain: 'btc', address: lower };
}

/**
 * A crypto address with its chain detected from the format and a canonical form per chain: Bitcoin
 * base58check (P2PKH, P2SH) as is and bech32/bech32m lower-case, EVM hex lower-case (after an EIP-55
 * check when mixed case), TRON base58check as is. A wrong checksum is an error. Never throws.
 */
export function normaliseWallet(raw: string): WalletResult {
  if (typeof raw !== 'string') return { ok: false, raw: String(raw), chain: 'unknown', reason: 'not a string' };
  const text = raw.trim();
  if (text === '') return { ok: false, raw, chain: 'unknown', reason: 'empty' };
  const hex = EVM.exec(text);
  if (hex) return evm(raw, hex[1]!);
  if (/^0x/i.test(text)) return { ok: false, raw, chain: 'eth', reason: 'EVM address must be 0x and 40 hex digits' };
  // TRON first: a TRON address may start with "TB1", which the testnet bech32 prefix would claim
  // (bech32 testnet addresses are at least 42 characters, TRON's exactly 34).
  if (/^T/.test(text) && text.length === 34) return base58check(raw, text, 'trx');
  // Testnet and regtest prefixes are recognised only to say why they are refused.
  if (/^(bc|tb|bcrt)1/i.test(text)) return segwit(raw, text);
  if (/^[13]/.test(text) && text.length >= 25 && text.length <= 35) return base58check(raw, text, 'btc');
  if (/^[0-9a-fA-F]{40}$/.test(text)) return { ok: false, raw, chain: 'eth', reason: 'EVM address without 0x' };
  if (text.length >= 25 && text.length <= 35 && BASE58.test(text)) return base58check(raw, text, 'unknown');
  return { ok: false, raw, chain: 'unknown', reason: 'not a Bitcoin, EVM or TRON address' };
}
