import { useEffect, useRef } from 'react';
import type { RelationshipStyle } from '../../canvas/model-style';

interface Props {
  /** Where the node is, relative to the canvas. */
  readonly at: { readonly x: number; readonly y: number };
  readonly caption: string;
  /** The model's relationship types that can touch the node's kind. */
  readonly relationships: readonly RelationshipStyle[];
  readonly onPick: (type: string) => void;
  readonly onClose: () => void;
}

/** "Expand by type…": the relationship types the model allows at this node, one click each. */
export function ExpandByMenu({ at, caption, relationships, onPick, onClose }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      className="popover"
      style={{ left: at.x + 16, top: at.y - 8 }}
      role="menu"
      aria-label={`Expand ${caption} by relationship type`}
      data-testid="expand-by"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="popover-title">
        Expand <strong>{caption}</strong> by
      </div>
      {relationships.map((r, i) => (
        <button
          key={r.name}
          ref={i === 0 ? first : undefined}
          type="button"
          role="menuitem"
          data-type={r.name}
          onClick={() => {
            onPick(r.name);
            onClose();
          }}
        >
          <span className="link-swatch" style={{ background: r.display.colour }} aria-hidden="true" />
          {r.display.label}
        </button>
      ))}
      <button type="button" className="muted" onClick={onClose}>
        Cancel
      </button>
    </div>
  );
}
