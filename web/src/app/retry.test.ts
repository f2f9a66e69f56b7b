import { describe, expect, it, vi } from 'vitest';
import { withRetry } from './retry';

const refused = () => Object.assign(new Error('entity not found: person:x'), { code: 'NOT_FOUND' });
const down = () => new TypeError('Failed to fetch');

describe('withRetry', () => {
  it('retries while the server is unreachable, with growing waits, then succeeds', async () => {
    const sleep = vi.fn(async () => undefined);
    const onRetry = vi.fn();
    const call = vi.fn().mockRejectedValueOnce(down()).mockRejectedValueOnce(down()).mockResolvedValue('ok');
    await expect(withRetry(call, { sleep, onRetry, baseMs: 100 })).resolves.toBe('ok');
    expect(call).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls).toEqual([[100], [200]]);
    expect(onRetry).toHaveBeenCalledTimes(2);
  });

  it('fails at once on an error the server meant (no retry)', async () => {
    const call = vi.fn().mockRejectedValue(refused());
    await expect(withRetry(call, { sleep: async () => undefined })).rejects.toThrow('entity not found');
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('gives up after the last attempt with the last error', async () => {
    const call = vi.fn().mockRejectedValue(down());
    await expect(withRetry(call, { attempts: 3, sleep: async () => undefined })).rejects.toThrow('Failed to fetch');
    expect(call).toHaveBeenCalledTimes(3);
  });
});
