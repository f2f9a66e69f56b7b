import { useEffect, useRef, type ReactNode } from 'react';

export interface NodeMenuItem {
  readonly key: string;
  readonly content: ReactNode;
  /** Extra attributes for tests and tooltips (`data-type`, `data-name`, `title`). */
  readonly attributes?: Readonly<Record<string, string>>;
  readonly onPick: () => void;
}

interface Props {
  /** Where the node is, relative to the canvas. */
  readonly at: { readonly x: number; readonly y: number };
  readonly label: string;
  readonly testId: string;
  readonly title: ReactNode;
  readonly items: readonly NodeMenuItem[];
  readonly onClose: () => void;
}

/**
 * A small menu next to a node (expand by type, run a query with it): the first choice focused, Escape
 * closes it without reaching the workspace's own Escape, a pick closes it.
 */
export function NodePopoverMenu({ at, label, testId, title, items, onClose }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      className="popover"
      style={{ left: at.x + 16, top: at.y - 8 }}
      role="menu"
      aria-label={label}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="popover-title">{title}</div>
      {items.map((item, i) => (
        <button
          key={item.key}
          ref={i === 0 ? first : undefined}
          type="button"
          role="menuitem"
          {...item.attributes}
          onClick={() => {
            item.onPick();
            onClose();
          }}
        >
          {item.content}
        </button>
      ))}
      <button type="button" className="muted" onClick={onClose}>
        Cancel
      </button>
    </div>
  );
}
