/**
 * The web's session against the demo app through `app.fetch`: the token in the Authorization header,
 * `me` in the UI's shape, a 403 carrying the right and role to the notice, and a 401 (a bad token)
 * ending the session with the server's reason, as graphql.ts and session.ts do in the page.
 */
import { demoApp, type DemoApp } from '@ringtrace/server/testing/demo-app.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeError } from '../../web/src/features/notices/describe-error.js';
import { ApiError, fetchMe, fetchSavedQueries, session, type SignOutReason } from '../../web/src/api/index.js';

let api: DemoApp;
const sent: Array<string | null> = [];

beforeAll(async () => {
  api = await demoApp();
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    const request = new Request(new URL(url, 'http://ringtrace.test'), init);
    sent.push(request.headers.get('authorization'));
    return api.app.fetch(request);
  });
}, 120_000);
afterAll(async () => {
  vi.unstubAllGlobals();
  await api?.dispose();
});

const failure = (work: Promise<unknown>) =>
  work.then(
    () => expect.fail('expected a refusal'),
    (e: unknown) => {
      expect(e).toBeInstanceOf(ApiError);
      return e as ApiError;
    },
  );

describe('web api: session', () => {
  it('sends the token as a Bearer header and reads who it is', async () => {
    session.signIn(api.tokenFor('analyst'));
    const me = await fetchMe();
    expect(sent.at(-1)).toBe(`Bearer ${api.tokenFor('analyst')}`);
    expect(me.role).toBe('analyst');
    expect(me.via).toBe('token');
    expect(me.rights).toEqual(expect.arrayContaining(['graph:read', 'personal:read', 'query:run']));
    expect(me.rights).not.toContain('tokens:manage');
  });

  it('a 403 reaches the notice with the right needed and the role', async () => {
    session.signIn(api.tokenFor('viewer'));
    expect((await fetchMe()).rights).toEqual(['graph:read']);
    const error = await failure(fetchSavedQueries());
    expect(error.code).toBe('FORBIDDEN');
    // The role named is the least one holding the right; the message says the caller's own.
    expect(error.details).toMatchObject({ right: 'query:run', role: 'analyst' });
    expect(error.message).toContain('viewer');
    expect(describeError(error, 'load the saved queries').next).toContain('“query:run” (role analyst or above)');
    expect(session.token()).toBe(api.tokenFor('viewer')); // a 403 keeps the session
  });

  it("a refused token ends the session with the server's words and reason", async () => {
    const ended: SignOutReason[] = [];
    const off = session.onSignedOut((reason) => ended.push(reason));
    session.signIn('rt_nosuchtoken_notasecret');
    const error = await failure(fetchMe());
    off();
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(session.token()).toBeUndefined();
    expect(ended).toEqual([{ kind: 'refused', message: error.message, reason: error.details['reason'] }]);
    expect(typeof error.details['reason']).toBe('string');
  });

  it('without a token nothing is sent in the header and the server answers 401', async () => {
    session.signOut();
    const error = await failure(fetchMe());
    expect(sent.at(-1)).toBeNull();
    expect(error.code).toBe('UNAUTHENTICATED');
  });
});
