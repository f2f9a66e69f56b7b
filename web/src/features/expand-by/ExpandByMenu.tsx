import type { RelationshipStyle } from '../../canvas/model-style';
import { NodePopoverMenu } from '../node-menu/NodePopoverMenu';

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
  return (
    <NodePopoverMenu
      at={at}
      label={`Expand ${caption} by relationship type`}
      testId="expand-by"
      title={
        <>
          Expand <strong>{caption}</strong> by
        </>
      }
      items={relationships.map((r) => ({
        key: r.name,
        attributes: { 'data-type': r.name },
        onPick: () => onPick(r.name),
        content: (
          <>
            <span className="link-swatch" style={{ background: r.display.colour }} aria-hidden="true" />
            {r.display.label}
          </>
        ),
      }))}
      onClose={onClose}
    />
  );
}
