import { NodePopoverMenu } from '../node-menu/NodePopoverMenu';
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
  return (
    <NodePopoverMenu
      at={at}
      label={`Run a query with ${caption}`}
      testId="run-query-menu"
      title={
        <>
          Run query with <strong>{caption}</strong> as…
        </>
      }
      items={queries.map((choice) => ({
        key: choice.query.name,
        attributes: { 'data-name': choice.query.name, title: choice.query.description },
        onPick: () => onPick(choice),
        content: (
          <>
            {choice.query.title} <span className="muted small">({choice.param})</span>
          </>
        ),
      }))}
      onClose={onClose}
    />
  );
}
