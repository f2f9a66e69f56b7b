/**
 * The session as the app sees it: a `#token=` link signs in directly, a stored token is checked with
 * `me`, and a 401 from any request (the token revoked or expired mid-session) or "Sign out" returns to
 * the sign-in screen with the reason. A sign-in link pasted into the address of an open tab signs in too.
 */

import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, fetchMe, session, tokenFromInput, type Me, type SignOutReason } from '../api';
import { describeError } from '../features/notices/describe-error';
import { withRetry } from './retry';

export type SessionState =
  | { readonly status: 'checking'; readonly attempt: number }
  | { readonly status: 'signed-out'; readonly ended?: SignOutReason; readonly problem?: string }
  | { readonly status: 'signed-in'; readonly me: Me };

export function useSession() {
  const [state, setState] = useState<SessionState>(() => {
    session.consumeFragment();
    return session.token() ? { status: 'checking', attempt: 0 } : { status: 'signed-out' };
  });
  const checking = useRef<AbortController | null>(null);

  const check = useCallback(() => {
    checking.current?.abort();
    const abort = new AbortController();
    checking.current = abort;
    setState({ status: 'checking', attempt: 0 });
    const onRetry = (attempt: number) => setState({ status: 'checking', attempt });
    withRetry(() => fetchMe(abort.signal), { signal: abort.signal, onRetry }).then(
      (me) => !abort.signal.aborted && setState({ status: 'signed-in', me }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        // A refused token already signed out (graphql.ts -> session.refused): the listener shows why.
        if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return;
        const problem = describeError(error, 'sign in');
        setState({ status: 'signed-out', problem: `${problem.title}: ${problem.detail}. ${problem.next}` });
      },
    );
  }, []);

  useEffect(() => {
    const off = session.onSignedOut((ended) => {
      checking.current?.abort();
      setState({ status: 'signed-out', ended });
    });
    const onHash = () => session.consumeFragment() && check();
    window.addEventListener('hashchange', onHash);
    if (session.token()) check();
    return () => {
      off();
      window.removeEventListener('hashchange', onHash);
      checking.current?.abort();
    };
  }, [check]);

  const signIn = useCallback(
    (text: string) => {
      const token = tokenFromInput(text);
      if (!token) return false;
      session.signIn(token);
      check();
      return true;
    },
    [check],
  );
  const signOut = useCallback(() => session.signOut(), []);
  return { state, signIn, signOut };
}
