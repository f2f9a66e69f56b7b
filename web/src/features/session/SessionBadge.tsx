import './session.css';

import type { Me } from '../../api/me';

interface Props {
  readonly me: Me;
  readonly onSignOut: () => void;
}

/** Who is signed in (name and role) in the top bar, and the way out. */
export function SessionBadge({ me, onSignOut }: Props) {
  return (
    <div className="session-badge" data-testid="session">
      <span
        className="session-who"
        title={`${me.id} · signed in with ${me.via === 'oidc' ? 'single sign-on' : 'an API token'}`}
      >
        <span data-testid="session-name">{me.name}</span>{' '}
        <span className="session-role" data-testid="session-role">
          {me.role}
        </span>
      </span>
      <button type="button" onClick={onSignOut} data-testid="sign-out">
        Sign out
      </button>
    </div>
  );
}
