import { KindIcon } from '../common/KindIcon';
import type { Legend as LegendData, LegendRow } from './legend';

interface Props {
  readonly legend: LegendData;
  readonly onToggleKind: (kind: string) => void;
  readonly onToggleLinkType: (type: string) => void;
  readonly onClearFilters: () => void;
  /** The database summary (engine, totals), shown above the rows. */
  readonly summary: string | undefined;
}

const n = (value: number | undefined) => (value === undefined ? '…' : value.toLocaleString('en-US'));

function Row({ row, kind, onToggle }: { row: LegendRow; kind: boolean; onToggle: () => void }) {
  return (
    <li
      className={row.onScene === 0 ? 'absent' : undefined}
      data-testid={kind ? 'legend-kind' : 'legend-link'}
      data-name={row.name}
    >
      <label title={row.hidden ? `Show ${row.label} again` : `Hide every ${row.label} from the canvas`}>
        <input type="checkbox" checked={!row.hidden} onChange={onToggle} />
        {kind ? (
          <KindIcon kind={{ name: row.name, display: { colour: row.colour, icon: row.icon ?? '' } }} size={16} />
        ) : (
          <span className="link-swatch" style={{ background: row.colour }} aria-hidden="true" />
        )}
        <span className="legend-label">{row.label}</span>
      </label>
      <span className="count" title="on the canvas / in the database">
        <span className="on-scene">{n(row.onScene)}</span>
        <span className="muted"> / {n(row.inDatabase)}</span>
      </span>
    </li>
  );
}

/** What the colours mean, how many of each are on the canvas and in the database, and per-kind filters. */
export function Legend({ legend, onToggleKind, onToggleLinkType, onClearFilters, summary }: Props) {
  const filtered = legend.kinds.some((k) => k.hidden) || legend.links.some((l) => l.hidden);
  return (
    <aside className="legend" aria-label="Legend">
      {summary && (
        <p className="muted small" data-testid="database-summary">
          {summary}
        </p>
      )}
      <h2>Kinds</h2>
      <ul>
        {legend.kinds.map((row) => (
          <Row key={row.name} row={row} kind onToggle={() => onToggleKind(row.name)} />
        ))}
      </ul>
      <h2>Links</h2>
      <ul>
        {legend.links.map((row) => (
          <Row key={row.name} row={row} kind={false} onToggle={() => onToggleLinkType(row.name)} />
        ))}
      </ul>
      {filtered && (
        <button type="button" onClick={onClearFilters}>
          Show all kinds and links
        </button>
      )}
    </aside>
  );
}
