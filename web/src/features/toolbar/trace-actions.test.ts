import { describe, expect, it } from 'vitest';
import { traceActions } from './trace-actions';

const e = (id: string, kind = 'Person') => ({ id, kind });

describe('traceActions', () => {
  it('traces paths between exactly two nodes, a network between 2 and 10', () => {
    expect(traceActions([e('a')]).paths.enabled).toBe(false);
    expect(traceActions([e('a')]).paths.hint).toContain('1 selected');
    expect(traceActions([e('a'), e('b')]).paths.enabled).toBe(true);
    expect(traceActions([e('a'), e('b'), e('c')]).paths.enabled).toBe(false);
    expect(traceActions([e('a'), e('b'), e('c')]).network.enabled).toBe(true);
    const eleven = Array.from({ length: 11 }, (_, i) => e(`n${i}`));
    expect(traceActions(eleven).network).toEqual({ enabled: false, hint: 'Select 2 to 10 nodes; 11 selected' });
  });

  it('follows money from one victim or one wallet only', () => {
    expect(traceActions([e('victim:v', 'Victim')]).money.enabled).toBe(true);
    expect(traceActions([e('wallet:eth:0x1', 'Wallet')]).money.enabled).toBe(true);
    expect(traceActions([e('person:p', 'Person')]).money.enabled).toBe(false);
    expect(traceActions([e('victim:a', 'Victim'), e('victim:b', 'Victim')]).money.enabled).toBe(false);
  });
});
