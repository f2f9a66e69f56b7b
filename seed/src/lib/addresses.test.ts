import { sha256 } from '@noble/hashes/sha2.js';
import { bech32, createBase58check } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { btcBech32, eip55, evmAddress, tronAddress } from './addresses.js';

const bytes = Uint8Array.from({ length: 20 }, (_, i) => i * 13);

describe('synthetic addresses', () => {
  it('makes EVM addresses in lower case and in EIP-55 form', () => {
    expect(evmAddress(bytes)).toMatch(/^0x[0-9a-f]{40}$/);
    // The EIP-55 test vector.
    expect(eip55('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toBe('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed');
  });

  it('makes bech32 P2WPKH Bitcoin addresses that decode to the bytes', () => {
    const address = btcBech32(bytes);
    const { prefix, words } = bech32.decode(address as `${string}1${string}`);
    expect(prefix).toBe('bc');
    expect(words[0]).toBe(0);
    expect(Uint8Array.from(bech32.fromWords(words.slice(1)))).toEqual(bytes);
  });

  it('makes TRON addresses whose base58check payload is 0x41 + the bytes', () => {
    const address = tronAddress(bytes);
    expect(address).toMatch(/^T/);
    expect(createBase58check(sha256).decode(address)).toEqual(Uint8Array.from([0x41, ...bytes]));
  });

  it('refuses a payload that is not 20 bytes', () => {
    expect(() => evmAddress(new Uint8Array(19))).toThrow(/20 bytes/);
  });
});
