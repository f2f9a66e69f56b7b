import { useState } from 'react';
import type { KindStyle, RelationshipStyle } from '../../canvas/model-style';
import type { GraphLink } from '../../scene/types';
import { KindIcon } from '../common/KindIcon';
import { formatValue, propertyRows, type Details } from './details';
import { Provenance, type LoadProvenance } from './Provenance';

interface Props {
  readonly details: Details | null;
  /** How many ids are selected (the panel shows the last one). */
  readonly selected: number;
  readonly kinds: ReadonlyMap<string, KindStyle>;
  readonly relationships: ReadonlyMap<string, RelationshipStyle>;
  readonly loadProvenance: LoadProvenance;
  readonly onExpand: (id: string) => void;
  readonly onPin: (id: string, pinned: boolean) => void;
  readonly onHide: (id: string) => void;
}

const LINKS_SHOWN = 50;

function Properties({
  properties,
  withheld,
}: {
  properties: Readonly<Record<string, unknown>>;
  withheld?: readonly string[] | undefined;
}) {
  const rows = propertyRows(properties, withheld);
  if (rows.length === 0) return null;
  return (
    <table className="properties">
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th>{row.name}</th>
            {row.withheld ? (
              <td className="withheld" title="Personal data: your role does not have the right personal:read">
                {row.text}
              </td>
            ) : (
              <td>{row.text}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Why({ id, label, load }: { id: string; label: string; load: LoadProvenance }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="why">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="why"
      >
        {open ? 'Hide sources' : label}
      </button>
      {open && <Provenance id={id} load={load} />}
    </div>
  );
}

function LinkRow({ link, load }: { link: GraphLink; load: LoadProvenance }) {
  return (
    <li className="link-row" data-testid="detail-link" data-id={link.id}>
      <Properties properties={link.properties} />
      <Why key={link.id} id={link.id} label="Why is this link here?" load={load} />
    </li>
  );
}

/** The selected entity or edge: properties, rollup, and where each fact came from. */
export function DetailsPanel({
  details,
  selected,
  kinds,
  relationships,
  loadProvenance,
  onExpand,
  onPin,
  onHide,
}: Props) {
  if (!details) {
    return (
      <aside className="details" aria-label="Details">
        <p className="muted">
          {selected > 1 ? `${selected} selected.` : 'Select a node or a link to see its details and sources.'}
        </p>
      </aside>
    );
  }
  if (details.type === 'entity') {
    const { entity } = details;
    return (
      <aside className="details" aria-label="Details" data-testid="details" data-id={entity.id}>
        <h2 className="details-title">
          <KindIcon kind={kinds.get(entity.kind)} size={22} /> {entity.caption}
        </h2>
        <p className="muted small">
          {entity.kind} · <code>{entity.id}</code> · {details.degree} links on the canvas
          {selected > 1 && ` · ${selected} selected`}
        </p>
        <div className="actions">
          <button type="button" onClick={() => onExpand(entity.id)}>
            Expand
          </button>
          <button type="button" onClick={() => onPin(entity.id, !details.pinned)}>
            {details.pinned ? 'Unpin' : 'Pin'}
          </button>
          <button type="button" onClick={() => onHide(entity.id)}>
            Hide
          </button>
        </div>
        <Properties properties={entity.properties} withheld={entity.withheld} />
        <Why key={entity.id} id={entity.id} label="Why is this here? (sources)" load={loadProvenance} />
      </aside>
    );
  }
  const rel = relationships.get(details.linkType);
  const { rollup } = details;
  return (
    <aside className="details" aria-label="Details" data-testid="details" data-id={details.id}>
      <h2 className="details-title">
        <span className="link-swatch" style={{ background: rel?.display.colour }} aria-hidden="true" />
        {details.from?.caption ?? '?'} → {rel?.display.label ?? details.linkType} → {details.to?.caption ?? '?'}
      </h2>
      <p className="muted small">
        {rollup.count} {rollup.count === 1 ? 'link' : 'links'}
        {rollup.totals.length > 0 && ` · ${rollup.totals.map((t) => `${t.amount} ${t.asset}`).join(' + ')}`}
        {rollup.firstAt && ` · ${formatValue(rollup.firstAt)}`}
        {rollup.lastAt && rollup.lastAt !== rollup.firstAt && ` to ${formatValue(rollup.lastAt)}`}
      </p>
      <ul className="links">
        {details.links.slice(0, LINKS_SHOWN).map((link) => (
          <LinkRow key={link.id} link={link} load={loadProvenance} />
        ))}
      </ul>
      {details.links.length > LINKS_SHOWN && (
        <p className="muted small">
          and {details.links.length - LINKS_SHOWN} more: see the table view for all of them.
        </p>
      )}
    </aside>
  );
}
