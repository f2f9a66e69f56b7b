import { useEffect, useRef } from 'react';
import type { NodeQuery } from './node-queries';

interface Props {
  /** Where the node is, relative to the canvas. */
  readonly at: { readonly x: number; readonly y: number };
  readonly caption: string;
  readonly queries: readonly NodeQuery[];
  /** Opens the query in the panel with the node in `param`. */
  readonly onPick: (choice: NodeQuery) => void;
  readonly onClose: () => void;
}

/** "Run query with this node…": the saved queries taking an id of the node's kind, one click each. */
export function RunQueryMenu({ at, caption, queries, onPick, onClose }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      className="popover"
      style={{ left: at.x + 16, top: at.y - 8 }}
      role="menu"
      aria-label={`Run a query with ${caption}`}
      data-testid="run-query-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="popover-title">
        Run query with <strong>{caption}</strong> as…
      </div>
      {queries.map((choice, i) => (
        <button
          key={choice.query.name}
          ref={i === 0 ? first : undefined}
          type="button"
          role="menuitem"
          data-name={choice.query.name}
          title={choice.query.description}
          onClick={() => {
            onPick(choice);
            onClose();
          }}
        >
          {choice.query.title} <span className="muted small">({choice.param})</span>
        </button>
      ))}
      <button type="button" className="muted" onClick={onClose}>
        Cancel
      </button>
    </div>
  );
}
