import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { bech32, createBase58check } from '@scure/base';

/**
 * Made-up wallet addresses that are valid in format and checksum for their chain, so the normalisers
 * accept them. They are derived from random bytes, not from keys: nobody holds them.
 */

const base58check = createBase58check(sha256);

/** EVM address in canonical lower-case hex. */
export function evmAddress(bytes20: Uint8Array): string {
  return `0x${bytesToHex(check20(bytes20))}`;
}

/** The same address in EIP-55 mixed-case checksum form. */
export function eip55(address: string): string {
  const hex = address.toLowerCase().replace(/^0x/, '');
  const hash = bytesToHex(keccak_256(new TextEncoder().encode(hex)));
  let out = '0x';
  for (let i = 0; i < hex.length; i++) out += parseInt(hash[i]!, 16) >= 8 ? hex[i]!.toUpperCase() : hex[i]!;
  return out;
}

/** Bitcoin native SegWit (P2WPKH) address: bech32, `bc1q...`. */
export function btcBech32(bytes20: Uint8Array): string {
  return bech32.encode('bc', [0, ...bech32.toWords(check20(bytes20))]);
}

/** TRON address: base58check of 0x41 + 20 bytes, `T...`. */
export function tronAddress(bytes20: Uint8Array): string {
  const payload = new Uint8Array(21);
  payload[0] = 0x41;
  payload.set(check20(bytes20), 1);
  return base58check.encode(payload);
}

export type Chain = 'eth' | 'btc' | 'trx';

export function addressFor(chain: Chain, bytes20: Uint8Array): string {
  if (chain === 'eth') return evmAddress(bytes20);
  if (chain === 'btc') return btcBech32(bytes20);
  return tronAddress(bytes20);
}

function check20(bytes: Uint8Array): Uint8Array {
  if (bytes.length !== 20) throw new Error(`an address payload is 20 bytes, got ${bytes.length}`);
  return bytes;
}
