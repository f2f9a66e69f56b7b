/**
 * The sign-in screen: paste a token (or the start link). Says where a token comes from and, when the
 * server ended the session, its reason. The address's route (`#/entity/...`, `#view=...`) is left as is,
 * so the link that brought the person here opens once they are signed in.
 */

import { useState, type FormEvent } from 'react';
import type { SignOutReason } from '../../api/session';
import './session.css';

interface Props {
  /** Why the last session ended, if it did. */
  readonly ended: SignOutReason | undefined;
  /** A problem with the last attempt that is not the token's (the server did not answer). */
  readonly problem: string | undefined;
  /** Signs in with what was pasted; false when the text holds no token. */
  readonly onSubmit: (text: string) => boolean;
  /** Whether the address names something to open after sign-in. */
  readonly pendingRoute: boolean;
}

export function SignIn({ ended, problem, onSubmit, pendingRoute }: Props) {
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setEmpty(!onSubmit(text));
  };
  return (
    <main className="sign-in" data-testid="sign-in">
      <h1>Ringtrace</h1>
      {ended?.kind === 'refused' && (
        <div className="sign-in-ended" role="alert" data-testid="sign-in-reason">
          <strong>The server did not accept your token: {ended.message}</strong>
          {ended.reason && !ended.message.includes(ended.reason) && <span> ({ended.reason})</span>}
          <p className="muted">Sign in again with a valid token.</p>
        </div>
      )}
      {ended?.kind === 'signed-out' && (
        <p className="sign-in-ended" role="status" data-testid="signed-out">
          You are signed out.
        </p>
      )}
      {problem && (
        <p className="sign-in-ended" role="alert" data-testid="sign-in-problem">
          {problem}
        </p>
      )}
      <form onSubmit={submit}>
        <label htmlFor="token">API token</label>
        <input
          id="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="rt_…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="token-input"
          autoFocus
        />
        <button type="submit" data-testid="sign-in-submit">
          Sign in
        </button>
        {empty && (
          <p className="sign-in-error" role="alert">
            Paste a token (it starts with rt_) or the whole sign-in link.
          </p>
        )}
      </form>
      {pendingRoute && <p className="muted">The link you opened is shown once you are signed in.</p>}
      <h2>Where to get a token</h2>
      <ul>
        <li>
          The first start of the server prints a sign-in link, <code>http://host:port/#token=…</code>: open it, or paste
          it here.
        </li>
        <li>
          An administrator creates one: <code>pnpm ringtrace token create --name &lt;you&gt; --role viewer</code>{' '}
          (roles: viewer, analyst, loader, admin). It is shown once.
        </li>
      </ul>
      <p className="muted small">
        The token is kept in this tab only and forgotten when the tab closes. Victims’ personal data is behind it: do
        not share it.
      </p>
    </main>
  );
}
