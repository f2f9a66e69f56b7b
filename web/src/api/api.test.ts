/** The api layer with `fetch` stubbed: what is sent, how answers map to the scene's shapes, how failures read. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchExistingEntities, fetchLinks } from './entities.js';
import { ApiError, graphql } from './graphql.js';
import { fetchNeighbourhood } from './neighbourhood.js';
import { searchEntities } from './search.js';
import { session } from './session.js';

type Answer = { status?: number; body: unknown } | Error;

/** Answers in turn; records every request's variables. */
function stubFetch(...answers: Answer[]) {
  const sent: Array<Record<string, unknown>> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      sent.push((JSON.parse(String(init.body)) as { variables: Record<string, unknown> }).variables);
      const answer = answers.shift();
      if (!answer) throw new Error('no answer left');
      if (answer instanceof Error) throw answer;
      return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
    }),
  );
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

const notFound = (id: string) => ({
  body: { errors: [{ message: `entity not found: ${id}`, extensions: { code: 'NOT_FOUND' } }] },
});

describe('transport', () => {
  it("throws the server's message and code", async () => {
    stubFetch({
      body: { errors: [{ message: 'depth: 4 is out of range', extensions: { code: 'INVALID_ARGUMENT' } }] },
    });
    await expect(graphql('{ x }')).rejects.toMatchObject({
      message: 'depth: 4 is out of range',
      code: 'INVALID_ARGUMENT',
    });
  });

  it('says the server cannot be reached (retriable) when the request fails or a proxy answers 502', async () => {
    stubFetch(new TypeError('fetch failed'), { status: 502, body: 'Bad Gateway' });
    const down = { code: 'UNAVAILABLE', retriable: true, message: expect.stringContaining('cannot reach the server') };
    await expect(graphql('{ x }')).rejects.toMatchObject(down);
    await expect(graphql('{ x }')).rejects.toMatchObject(down);
  });

  it("a caller's rate limit (429) is worth retrying; a 401 for the current token ends the session", async () => {
    const bound = { bound: 'rate', limit: 'rateLimit', max: 50, retryAfterSeconds: 2 };
    const rate = { code: 'LIMIT_EXCEEDED', ...bound };
    const flood = { ...rate, limit: 'unauthenticatedRateLimit' };
    stubFetch(
      { status: 429, body: { errors: [{ message: 'too many requests', extensions: rate }] } },
      { status: 429, body: { errors: [{ message: 'too many bad tokens', extensions: flood }] } },
      {
        status: 401,
        body: {
          errors: [{ message: 'the token was revoked', extensions: { code: 'UNAUTHENTICATED', reason: 'revoked' } }],
        },
      },
    );
    await expect(graphql('{ x }')).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED', retriable: true, details: bound });
    await expect(graphql('{ x }')).rejects.toMatchObject({ retriable: false });
    const ended = vi.fn();
    const off = session.onSignedOut(ended);
    session.signIn('rt_current');
    await expect(graphql('{ x }')).rejects.toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'revoked' } });
    off();
    expect(session.token()).toBeUndefined();
    expect(ended).toHaveBeenCalledWith({ kind: 'refused', message: 'the token was revoked', reason: 'revoked' });
  });

  it('leaves an aborted request an AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    stubFetch(new DOMException('aborted', 'AbortError'));
    const error = await graphql('{ x }', {}, controller.signal).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('operations', () => {
  const wireLink = {
    id: 'link:CALLED:1',
    type: 'CALLED',
    properties: null,
    from: { id: 'phone:a' },
    to: { id: 'victim:b' },
  };

  it('neighbourhood sends only the lists that name something and maps ends to ids', async () => {
    const sent = stubFetch({
      body: {
        data: {
          neighbourhood: {
            entities: [{ id: 'phone:a', kind: 'PhoneNumber', caption: '+7', properties: { number: '+7' } }],
            links: [wireLink],
            truncated: [{ bound: 'limit', value: 1, omitted: 4 }],
            rollups: [{ ...wireLink, count: 1, totals: [], firstAt: null, lastAt: null, linkIds: ['link:CALLED:1'] }],
          },
        },
      },
    });
    const answer = await fetchNeighbourhood({ ids: ['phone:a'], depth: 2, kinds: [], linkTypes: ['CALLED'] });
    expect(sent[0]).toEqual({ ids: ['phone:a'], depth: 2, linkTypes: ['CALLED'] });
    expect(answer.links).toEqual([
      { id: 'link:CALLED:1', type: 'CALLED', from: 'phone:a', to: 'victim:b', properties: {} },
    ]);
    expect(answer.rollups[0]).toMatchObject({ from: 'phone:a', to: 'victim:b', count: 1 });
    expect(answer.truncated).toEqual([{ bound: 'limit', value: 1, omitted: 4 }]);
  });

  it('search gives hits with kind, caption, score and the entity', async () => {
    const sent = stubFetch({
      body: {
        data: {
          search: {
            edges: [
              {
                cursor: 'c1',
                score: 2.5,
                node: { id: 'crimegroup:k', kind: 'CrimeGroup', caption: 'K', properties: {} },
              },
            ],
            pageInfo: { hasNextPage: true, endCursor: 'c1' },
            totalCount: 3,
          },
        },
      },
    });
    const page = await searchEntities({ text: 'khim', kinds: ['CrimeGroup'], first: 1 });
    expect(sent[0]).toEqual({ text: 'khim', kinds: ['CrimeGroup'], first: 1 });
    expect(page).toMatchObject({ totalCount: 3, hasNextPage: true, endCursor: 'c1' });
    expect(page.hits[0]).toMatchObject({
      id: 'crimegroup:k',
      kind: 'CrimeGroup',
      caption: 'K',
      score: 2.5,
      cursor: 'c1',
    });
  });

  it('existing entities: drops each id the server does not know and asks again', async () => {
    const sent = stubFetch(notFound('phone:gone'), notFound('victim:gone'), {
      body: { data: { entities: [{ id: 'phone:a', kind: 'PhoneNumber', caption: 'a', properties: {} }] } },
    });
    const answer = await fetchExistingEntities(['phone:a', 'phone:gone', 'victim:gone']);
    expect(answer.missing).toEqual(['phone:gone', 'victim:gone']);
    expect(answer.found.map((e) => e.id)).toEqual(['phone:a']);
    expect(sent.at(-1)).toEqual({ ids: ['phone:a'] });
  });

  it('existing entities: another failure is thrown as is', async () => {
    stubFetch({ body: { errors: [{ message: 'ids: 501 ids given', extensions: { code: 'INVALID_ARGUMENT' } }] } });
    await expect(fetchExistingEntities(['phone:a'])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('links: found in order, and the ids that name none', async () => {
    stubFetch({ body: { data: { links: [null, wireLink] } } });
    const answer = await fetchLinks(['link:CALLED:0', 'link:CALLED:1']);
    expect(answer.missing).toEqual(['link:CALLED:0']);
    expect(answer.found.map((l) => l.id)).toEqual(['link:CALLED:1']);
  });
});
