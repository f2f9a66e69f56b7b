import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { bech32, bech32m, createBase58check } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityIdFor } from '../ids.js';
import { eip55, normaliseWallet } from './wallet.js';

const b58c = createBase58check(sha256);
const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });
const withVersion = (version: number, hash: Uint8Array) => b58c.encode(Uint8Array.of(version, ...hash));

/** Valid addresses of every format, each with its chain and canonical form. */
const address = fc.oneof(
  fc
    .tuple(fc.constantFrom(0x00, 0x05), bytes(20))
    .map(([v, h]) => ({ chain: 'btc', raw: withVersion(v, h), canonical: withVersion(v, h) })),
  bytes(20).map((h) => ({ chain: 'trx', raw: withVersion(0x41, h), canonical: withVersion(0x41, h) })),
  fc.tuple(fc.constantFrom(20, 32), fc.integer({ min: 0, max: 31 })).chain(([n]) =>
    bytes(n).map((p) => {
      const a = bech32.encode('bc', [0, ...bech32.toWords(p)]);
      return { chain: 'btc', raw: a, canonical: a };
    }),
  ),
  fc.tuple(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 2, max: 40 })).chain(([v, n]) =>
    bytes(n).map((p) => {
      const a = bech32m.encode('bc', [v, ...bech32m.toWords(p)]);
      return { chain: 'btc', raw: a, canonical: a };
    }),
  ),
  bytes(20).map((h) => ({ chain: 'eth', raw: eip55(bytesToHex(h)), canonical: `0x${bytesToHex(h)}` })),
);

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

describe('normaliseWallet', () => {
  it('round-trips generated addresses of each format to one canonical id', () => {
    fc.assert(
      fc.property(address, ({ chain, raw, canonical }) => {
        const spellings = [raw, ` ${raw}\n`];
        if (chain === 'eth') spellings.push(canonical, `0x${canonical.slice(2).toUpperCase()}`);
        if (raw.startsWith('bc1')) spellings.push(raw.toUpperCase());
        for (const s of spellings) {
          expect(normaliseWallet(s), s).toEqual({ ok: true, chain, address: canonical });
          expect(entityIdFor('Wallet', s)).toEqual({ id: `wallet:${chain}:${canonical}`, flags: [] });
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 100) },
    );
  });

  it('reads a TRON address that starts like a testnet bech32 prefix (found by fast-check, seed -831967738)', () => {
    const tron = 'TB115BhpCAFbjPUgniZ36TZYxNB67fPKzr';
    expect(normaliseWallet(tron)).toEqual({ ok: true, chain: 'trx', address: tron });
  });

  it('reports a substituted character as a checksum error, never accepts it', () => {
    fc.assert(
      fc.property(
        address.filter((a) => a.chain !== 'eth'),
        fc.nat(),
        fc.nat(),
        ({ raw }, i, j) => {
          const bech = raw.startsWith('bc1');
          const alphabet = bech ? B32 : B58;
          const at = bech ? 3 + (i % (raw.length - 3)) : i % raw.length;
          const replacement = alphabet.replace(raw[at]!, '')[j % (alphabet.length - 1)]!;
          const broken = `${raw.slice(0, at)}${replacement}${raw.slice(at + 1)}`;
          const r = normaliseWallet(broken);
          expect(r.ok, broken).toBe(false);
          if (!r.ok) expect(r.reason).toMatch(/checksum|version|bytes|must be encoded|witness|not base58/);
          const { id, flags } = entityIdFor('Wallet', broken);
          expect(id).toBe(`wallet:invalid:${broken}`);
          expect(flags).toEqual([{ field: 'address', value: broken, reason: (r as { reason: string }).reason }]);
        },
      ),
    );
  });

  it('reports a flipped letter case in an EIP-55 address', () => {
    fc.assert(
      fc.property(bytes(20), fc.nat(), (h, i) => {
        const good = eip55(bytesToHex(h));
        const letters = [...good].flatMap((c, k) => (k > 1 && /[a-fA-F]/.test(c) ? [k] : []));
        fc.pre(letters.length >= 2);
        const at = letters[i % letters.length]!;
        const c = good[at]!;
        const broken = `${good.slice(0, at)}${c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()}${good.slice(at + 1)}`;
        const hex = broken.slice(2);
        fc.pre(hex !== hex.toLowerCase() && hex !== hex.toUpperCase());
        expect(normaliseWallet(broken)).toEqual({
          ok: false,
          raw: broken,
          chain: 'eth',
          reason: 'EIP-55 checksum mismatch',
        });
      }),
    );
  });

  it('reports a flipped letter case in base58 and bech32 addresses', () => {
    expect(normaliseWallet('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNA')).toMatchObject({
      ok: false,
      chain: 'btc',
      reason: 'base58check checksum mismatch',
    });
    expect(normaliseWallet('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3T4')).toMatchObject({
      ok: false,
      reason: /mix upper and lower/,
    });
  });

  it('agrees with the EIP-55 test vectors', () => {
    const vectors = [
      '0x52908400098527886E0F7030069857D2E4169EE7',
      '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
      '0xde709f2102306220921060314715629080e2fb77',
      '0x27b1fdb04752bbc536007a920d24acb045561c26',
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
      '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
    ];
    for (const v of vectors) {
      expect(eip55(v.slice(2))).toBe(v);
      expect(normaliseWallet(v)).toEqual({ ok: true, chain: 'eth', address: v.toLowerCase() });
    }
    expect(normaliseWallet('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toMatchObject({
      ok: false,
      reason: 'EIP-55 checksum mismatch',
    });
  });

  it('agrees with the BIP 173 / BIP 350 vectors', () => {
    for (const [a, canonical] of [
      ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'],
      ['bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y', undefined],
      ['BC1SW50QGDZ25J', 'bc1sw50qgdz25j'],
      ['bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs', undefined],
      ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', undefined],
    ] as const) {
      expect(normaliseWallet(a)).toEqual({ ok: true, chain: 'btc', address: canonical ?? a });
    }
    for (const [a, reason] of [
      ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', /witness v0 must be encoded with bech32/],
      ['bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du', /bech32m, not bech32/],
      ['tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx', /not Bitcoin mainnet/],
      ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', /checksum mismatch/],
      ['BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', /witness v0 program of 16 bytes/],
    ] as const) {
      expect(normaliseWallet(a)).toMatchObject({ ok: false, chain: 'btc', reason: reason });
    }
  });

  it('reports other formats with the chain it guessed', () => {
    expect(normaliseWallet('0x123')).toMatchObject({ ok: false, chain: 'eth', reason: /40 hex digits/ });
    expect(normaliseWallet('5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toMatchObject({
      ok: false,
      chain: 'eth',
      reason: 'EVM address without 0x',
    });
    expect(normaliseWallet('TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU8')).toMatchObject({
      ok: false,
      chain: 'trx',
      reason: 'base58check checksum mismatch',
    });
    expect(normaliseWallet('LNpyxKQ1XRzWRE2NjZoiG3yZNtrAbctLjy')).toMatchObject({
      ok: false,
      chain: 'unknown',
      reason: /version 0x30/,
    });
    expect(normaliseWallet('hello')).toEqual({
      ok: false,
      raw: 'hello',
      chain: 'unknown',
      reason: 'not a Bitcoin, EVM or TRON address',
    });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => void normaliseWallet(s)));
  });
});
