/**
 * Sign-in first, then the app: nothing but the sign-in screen (and the static page) is shown without a
 * token the server accepts. The app is keyed by the person, so signing in as someone else starts afresh.
 */

import { SignIn } from '../features/session/SignIn';
import { App } from './App';
import { parseRoute } from './routes';
import { useSession } from './use-session';

export function Root() {
  const { state, signIn, signOut } = useSession();
  if (state.status === 'checking') {
    return (
      <p className="page-message muted" data-testid="signing-in">
        {state.attempt === 0 ? 'Signing in…' : `Waiting for the server (attempt ${state.attempt})…`}
      </p>
    );
  }
  if (state.status === 'signed-out') {
    return (
      <SignIn
        ended={state.ended}
        problem={state.problem}
        onSubmit={signIn}
        pendingRoute={parseRoute(window.location.hash).type !== 'none'}
      />
    );
  }
  return <App key={state.me.id} me={state.me} onSignOut={signOut} />;
}
