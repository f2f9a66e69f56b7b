import type { Problem } from './describe-error';

/** One message above the canvas: an error with what to do next, or a note such as a capped expansion. */
export interface Notice {
  readonly id: string;
  readonly tone: 'error' | 'warning' | 'info';
  readonly title: string;
  readonly detail?: string;
  readonly next?: string;
  /** Offered as a button ("Try again") when the failure may pass. */
  readonly retry?: () => void;
}

export const noticeOf = (id: string, problem: Problem, retry?: () => void): Notice => ({
  id,
  tone: 'error',
  title: problem.title,
  detail: problem.detail,
  next: problem.next,
  ...(problem.retriable && retry && { retry }),
});

interface Props {
  readonly notices: readonly Notice[];
  readonly onDismiss: (id: string) => void;
}

export function NoticeBar({ notices, onDismiss }: Props) {
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`notice ${n.tone}`}
          role={n.tone === 'error' ? 'alert' : 'status'}
          data-testid="notice"
        >
          <div className="notice-text">
            <strong>{n.title}</strong>
            {n.detail && <span className="notice-detail">{n.detail}</span>}
            {n.next && <span className="notice-next">{n.next}</span>}
          </div>
          {n.retry && (
            <button type="button" onClick={n.retry}>
              Try again
            </button>
          )}
          <button type="button" className="dismiss" aria-label="Dismiss" onClick={() => onDismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
