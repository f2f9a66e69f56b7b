import { useRef } from 'react';
import type { LayoutName } from '../../scene/types';
import type { TraceActions } from './trace-actions';

const LAYOUT_LABELS: ReadonlyArray<[LayoutName, string]> = [
  ['fcose', 'Force'],
  ['concentric', 'Concentric'],
  ['dagre', 'Left to right'],
  ['grid', 'Grid'],
  ['preset', 'As placed'],
];

export interface ToolbarProps {
  readonly layout: LayoutName;
  readonly onLayout: (name: LayoutName) => void;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly trace: TraceActions;
  readonly onTracePaths: () => void;
  readonly onNetwork: () => void;
  readonly onMoneyTrail: () => void;
  readonly onClearTrace: (() => void) | null;
  readonly onSaveFile: () => void;
  readonly onOpenFile: (file: File) => void;
  readonly onCopyLink: () => void;
  readonly onPng: () => void;
  readonly onFit: () => void;
  readonly expandCap: number;
  readonly expandCaps: readonly number[];
  readonly onExpandCap: (cap: number) => void;
  readonly tableOpen: boolean;
  readonly onToggleTable: () => void;
  readonly queriesOpen: boolean;
  readonly onToggleQueries: () => void;
  /** Why the signed-in role may not open the Queries panel (the button is disabled), if it may not. */
  readonly queriesDisabled?: string | undefined;
  readonly busy: boolean;
}

const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

export function Toolbar(props: ToolbarProps) {
  const file = useRef<HTMLInputElement>(null);
  const { trace } = props;
  return (
    <div className="toolbar" role="toolbar" aria-label="Canvas tools">
      <div className="group">
        <button
          type="button"
          onClick={props.onUndo}
          disabled={!props.canUndo}
          title={`Undo (${mod}Z)`}
          data-testid="undo"
        >
          ↶ Undo
        </button>
        <button
          type="button"
          onClick={props.onRedo}
          disabled={!props.canRedo}
          title={`Redo (${mod}Shift+Z)`}
          data-testid="redo"
        >
          ↷ Redo
        </button>
      </div>
      <div className="group">
        <button
          type="button"
          onClick={props.onTracePaths}
          disabled={!trace.paths.enabled || props.busy}
          title={trace.paths.hint}
          data-testid="trace-paths"
        >
          Trace paths
        </button>
        <button
          type="button"
          onClick={props.onNetwork}
          disabled={!trace.network.enabled || props.busy}
          title={trace.network.hint}
          data-testid="trace-network"
        >
          Network
        </button>
        <button
          type="button"
          onClick={props.onMoneyTrail}
          disabled={!trace.money.enabled || props.busy}
          title={trace.money.hint}
          data-testid="trace-money"
        >
          Money trail
        </button>
        {props.onClearTrace && (
          <button
            type="button"
            onClick={props.onClearTrace}
            title="Show the whole scene again (Esc)"
            data-testid="clear-trace"
          >
            Clear trace
          </button>
        )}
      </div>
      <div className="group">
        <label>
          Layout{' '}
          <select
            value={props.layout}
            onChange={(e) => props.onLayout(e.target.value as LayoutName)}
            data-testid="layout"
          >
            {LAYOUT_LABELS.map(([name, label]) => (
              <option key={name} value={name}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={props.onFit} title="Fit the scene to the window">
          Fit
        </button>
        <label title="Entities one expansion brings at most; the rest wait behind an “N more” marker">
          Expand ≤{' '}
          <select
            value={props.expandCap}
            onChange={(e) => props.onExpandCap(Number(e.target.value))}
            data-testid="expand-cap"
          >
            {props.expandCaps.map((cap) => (
              <option key={cap} value={cap}>
                {cap}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="group">
        <button
          type="button"
          onClick={props.onSaveFile}
          title="Save the scene as a view file (JSON)"
          data-testid="save-file"
        >
          Save view
        </button>
        <button
          type="button"
          onClick={() => file.current?.click()}
          title="Open a saved view file"
          data-testid="open-file"
        >
          Open view
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="open-file-input"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            if (chosen) props.onOpenFile(chosen);
            e.target.value = '';
          }}
        />
        <button
          type="button"
          onClick={props.onCopyLink}
          title="Copy a link that reopens this scene"
          data-testid="copy-link"
        >
          Copy link
        </button>
        <button type="button" onClick={props.onPng} title="Download the canvas as a PNG image" data-testid="png">
          PNG
        </button>
        <button type="button" onClick={props.onToggleTable} aria-pressed={props.tableOpen} data-testid="toggle-table">
          Table
        </button>
        <button
          type="button"
          onClick={props.onToggleQueries}
          aria-pressed={props.queriesOpen}
          disabled={props.queriesDisabled !== undefined}
          title={props.queriesDisabled ?? 'Saved queries and ad-hoc Cypher'}
          data-testid="toggle-queries"
        >
          Queries
        </button>
      </div>
    </div>
  );
}
