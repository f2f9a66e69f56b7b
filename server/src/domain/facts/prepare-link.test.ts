import { describe, expect, it } from 'vitest';
import { linkId } from '../ids.js';
import { prepareLink, prepareLinkWithFlags } from './prepare-link.js';

const source = { sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', locator: 'record:3' };
const phone = 'phone:+74951234567';
const victim = 'victim:v-0001';
const wallet = 'wallet:eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed';

describe('prepareLink', () => {
  it('ids structural links by type and endpoints', () => {
    const link = prepareLink({ type: 'IMPERSONATES', from: phone, to: 'agency:fsb', properties: {} }, source);
    expect(link).toEqual({
      id: linkId('IMPERSONATES', phone, 'agency:fsb'),
      type: 'IMPERSONATES',
      from: phone,
      to: 'agency:fsb',
      properties: {},
      source,
    });
  });

  it('ids events by their coerced key values, so spellings of one payment are one link', () => {
    const a = prepareLink(
      {
        type: 'PAID',
        from: victim,
        to: wallet,
        properties: { amount: '1 500.50', asset: 'USDT', at: '2024-05-01 13:00', txHash: '0xabc' },
      },
      source,
      {
        timeZone: '+03:00',
      },
    );
    const b = prepareLink(
      {
        type: 'PAID',
        from: victim,
        to: wallet,
        properties: { amount: 1500.5, asset: 'USDT', at: '2024-05-01T10:00:00Z', txHash: '0xabc' },
      },
      source,
    );
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(linkId('PAID', victim, wallet, ['0xabc', '2024-05-01T10:00:00.000Z', '1500.5']));
    expect(a.properties).toEqual({ amount: '1500.5', asset: 'USDT', at: '2024-05-01T10:00:00.000Z', txHash: '0xabc' });
    const other = prepareLink(
      {
        type: 'PAID',
        from: victim,
        to: wallet,
        properties: { amount: '1500.51', at: '2024-05-01T10:00:00Z', txHash: '0xabc' },
      },
      source,
    );
    expect(other.id).not.toBe(a.id);
  });

  it('keys a payment without a hash (a bank transfer) by time and amount', () => {
    const props = { at: '2024-05-01T10:00:00Z', amount: '5', asset: 'EUR' };
    const a = prepareLink({ type: 'PAID', from: victim, to: wallet, properties: props }, source);
    expect(a.id).toBe(linkId('PAID', victim, wallet, ['', '2024-05-01T10:00:00.000Z', '5']));
    const hashed = prepareLink({ type: 'PAID', from: victim, to: wallet, properties: { ...props, txHash: '0x1' } }, source);
    expect(hashed.id).not.toBe(a.id);
  });

  it('normalises and flags the caller ID shown', () => {
    const ok = prepareLinkWithFlags(
      {
        type: 'CALLED',
        from: phone,
        to: victim,
        properties: { at: '1714558272', callerIdShown: '8 800 100-00-00', durationSeconds: '95' },
      },
      source,
      {
        defaultRegion: 'RU',
      },
    );
    expect(ok.write.properties).toEqual({
      at: '2024-05-01T10:11:12.000Z',
      callerIdShown: '+78001000000',
      durationSeconds: 95,
    });
    expect(ok.flags).toEqual([]);
    const bad = prepareLinkWithFlags(
      { type: 'CALLED', from: phone, to: victim, properties: { at: '1714558272', callerIdShown: 'FSB' } },
      source,
    );
    expect(bad.write.properties.callerIdShown).toBe('FSB');
    expect(bad.flags).toEqual([{ field: 'callerIdShown', value: 'FSB', reason: expect.any(String) }]);
  });

  it('refuses unknown types, disallowed endpoints, unknown ids, missing event keys and bad values, naming them', () => {
    expect(() => prepareLink({ type: 'LIKES', from: phone, to: victim, properties: {} }, source)).toThrow(
      /type: unknown relationship type "LIKES"/,
    );
    expect(() => prepareLink({ type: 'CALLED', from: victim, to: phone, properties: {} }, source)).toThrow(
      /link: CALLED cannot link Victim to PhoneNumber \(allowed: PhoneNumber->Victim\)/,
    );
    expect(() => prepareLink({ type: 'CALLED', from: 'ghost:1', to: victim, properties: {} }, source)).toThrow(
      /id: "ghost:1" is not an entity id/,
    );
    expect(() =>
      prepareLink({ type: 'CALLED', from: phone, to: victim, properties: { durationSeconds: 5 } }, source),
    ).toThrow(/at: CALLED is an event and needs "at"/);
    expect(() =>
      prepareLink(
        { type: 'PAID', from: victim, to: wallet, properties: { at: '2024-05-01T10:00:00Z' } },
        source,
      ),
    ).toThrow(/amount: PAID is an event and needs "amount" \(it is keyed by txHash, at, amount\)/);
    expect(() => prepareLink({ type: 'CALLED', from: phone, to: victim, properties: { at: 'noon' } }, source)).toThrow(
      /at: CALLED.at expects datetime, got "noon"/,
    );
    expect(() =>
      prepareLink({ type: 'CALLED', from: phone, to: victim, properties: { at: '1714558272', volume: 3 } }, source),
    ).toThrow(/property: CALLED has no property "volume"/);
  });
});
