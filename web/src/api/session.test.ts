import { describe, expect, it, vi } from 'vitest';
import {
  createSession,
  memoryStorage,
  splitTokenFragment,
  TOKEN_KEY,
  tokenFromInput,
  type SessionEnv,
} from './session';

const TOKEN = 'rt_ab12cd_s3cr3t-_X';

/** A page at `hash`, with a history that records what replaced the address. */
function page(hash: string) {
  const storage = memoryStorage();
  const replaced: string[] = [];
  const location = { hash, pathname: '/', search: '' };
  const env: SessionEnv = {
    storage,
    location,
    history: {
      state: { kept: true },
      replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => {
        replaced.push(String(url));
        location.hash = String(url).replace(/^[^#]*/, '');
      },
    },
  };
  return { session: createSession(env), storage, replaced, location };
}

describe('splitTokenFragment', () => {
  it('takes the token of the start link and leaves nothing', () => {
    expect(splitTokenFragment(`#token=${TOKEN}`)).toEqual({ token: TOKEN, rest: '' });
  });

  it('keeps a route beside the token, before or after it', () => {
    expect(splitTokenFragment(`#token=${TOKEN}&/entity/victim%3Av-0001`)).toEqual({
      token: TOKEN,
      rest: '#/entity/victim%3Av-0001',
    });
    expect(splitTokenFragment(`#view=N4Ig$ab-c+&token=${TOKEN}`)).toEqual({ token: TOKEN, rest: '#view=N4Ig$ab-c+' });
  });

  it('decodes an encoded token; an empty one is no token and the hash stays as it is', () => {
    expect(splitTokenFragment('#token=rt_a_b%2Bc').token).toBe('rt_a_b+c');
    expect(splitTokenFragment('#token=&/entity/x')).toEqual({ token: undefined, rest: '#token=&/entity/x' });
  });

  it('leaves a hash without a token as it is', () => {
    for (const hash of ['', '#', '#/entity/phone%3A%2B7495', '#view=abc'])
      expect(splitTokenFragment(hash)).toEqual({ token: undefined, rest: hash });
  });
});

describe('tokenFromInput', () => {
  it('reads a pasted token, a Bearer header value or the whole start link', () => {
    expect(tokenFromInput(`  ${TOKEN}\n`)).toBe(TOKEN);
    expect(tokenFromInput(`Bearer ${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromInput(`http://127.0.0.1:4000/#token=${TOKEN}`)).toBe(TOKEN);
  });

  it('refuses what cannot be a header value', () => {
    expect(tokenFromInput('   ')).toBeUndefined();
    expect(tokenFromInput('two words')).toBeUndefined();
  });
});

describe('session', () => {
  it('moves the token from the address into storage and removes it from the address, keeping the route', () => {
    const { session, storage, replaced, location } = page(`#token=${TOKEN}&/entity/victim%3Av-0001`);
    expect(session.consumeFragment()).toBe(true);
    expect(storage.getItem(TOKEN_KEY)).toBe(TOKEN);
    expect(replaced).toEqual(['/#/entity/victim%3Av-0001']);
    expect(location.hash).toBe('#/entity/victim%3Av-0001');
    expect(session.authHeaders()).toEqual({ authorization: `Bearer ${TOKEN}` });
  });

  it('removes the whole fragment when it held only the token', () => {
    const { session, replaced } = page(`#token=${TOKEN}`);
    session.consumeFragment();
    expect(replaced).toEqual(['/']);
  });

  it('touches neither address nor storage without a token in the fragment', () => {
    const { session, storage, replaced } = page('#view=abc');
    expect(session.consumeFragment()).toBe(false);
    expect(replaced).toEqual([]);
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
    expect(session.authHeaders()).toEqual({});
  });

  it('signs out: forgets the token and tells the listeners', () => {
    const { session, storage } = page('');
    const listener = vi.fn();
    session.onSignedOut(listener);
    session.signIn(TOKEN);
    session.signOut();
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
    expect(listener).toHaveBeenCalledWith({ kind: 'signed-out' });
  });

  it("a refusal of the current token ends the session with the server's reason; of an older one, not", () => {
    const { session } = page('');
    const listener = vi.fn();
    const off = session.onSignedOut(listener);
    session.signIn('rt_new_1');
    session.refused('rt_old_1', 'not signed in', 'revoked');
    expect(session.token()).toBe('rt_new_1');
    expect(listener).not.toHaveBeenCalled();
    session.refused('rt_new_1', 'not signed in', 'revoked');
    expect(session.token()).toBeUndefined();
    expect(listener).toHaveBeenCalledWith({ kind: 'refused', message: 'not signed in', reason: 'revoked' });
    off();
    session.signOut();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
