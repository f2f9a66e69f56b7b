/**
 * Node icons as inline SVG (data URIs), keyed by the model's icon names (Material Symbols names such as
 * `support_agent`). Drawn here rather than loaded from an icon font: the canvas paints on a <canvas>, the
 * app must work offline in an investigator's network, and a font that has not loaded yet paints nothing.
 * An unknown icon name falls back to the kind's initial, so a new kind in the model still gets a glyph.
 */

const FILL = '#fff';

/** 24x24 drawings in white, meant to sit on the kind's colour. */
const shapes: Readonly<Record<string, string>> = {
  person: '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z"/>',
  groups:
    '<circle cx="12" cy="7" r="3.2"/><circle cx="5" cy="9" r="2.4"/><circle cx="19" cy="9" r="2.4"/>' +
    '<path d="M6 20c0-3.6 2.7-6 6-6s6 2.4 6 6z"/><path d="M1 19c0-2.6 1.7-4.4 4-4.4 1 0 1.8.3 2.5.8C6 16.8 5 18 5 19z"/>' +
    '<path d="M23 19c0-2.6-1.7-4.4-4-4.4-1 0-1.8.3-2.5.8 1.5 1.4 2.5 2.6 2.5 3.6z"/>',
  support_agent:
    '<circle cx="12" cy="9" r="3.6"/><path d="M5 21c0-3.9 3.1-6.3 7-6.3s7 2.4 7 6.3z"/>' +
    '<path d="M5.5 10a6.5 6.5 0 0 1 13 0" fill="none" stroke="#fff" stroke-width="1.8"/>' +
    '<rect x="4" y="9" width="3" height="4.5" rx="1"/><rect x="17" y="9" width="3" height="4.5" rx="1"/>',
  computer:
    '<rect x="3" y="4" width="18" height="12" rx="1.5" fill="none" stroke="#fff" stroke-width="2"/>' +
    '<rect x="9" y="17" width="6" height="2"/><rect x="6" y="19" width="12" height="2" rx="1"/>',
  person_search:
    '<circle cx="9" cy="7.5" r="3.6"/><path d="M2 20c0-4 3.2-6.2 7-6.2 1.2 0 2.3.2 3.3.6A6 6 0 0 0 12 20z"/>' +
    '<circle cx="17" cy="16" r="3" fill="none" stroke="#fff" stroke-width="2"/><path d="M19.2 18.2l2.6 2.6" stroke="#fff" stroke-width="2"/>',
  call:
    '<path d="M6.6 10.8c1.4 2.8 3.8 5.1 6.6 6.6l2.2-2.2c.3-.3.7-.4 1-.2 1.1.4 2.3.6 3.6.6.6 0 1 .4 1 1V20' +
    'c0 .6-.4 1-1 1C10.6 21 3 13.4 3 4c0-.6.4-1 1-1h3.5c.6 0 1 .4 1 1 0 1.3.2 2.5.6 3.6.1.3 0 .7-.2 1z"/>',
  account_balance:
    '<path d="M12 2 2 7v2h20V7z"/><rect x="4" y="10" width="2.5" height="7"/><rect x="10.75" y="10" width="2.5" height="7"/>' +
    '<rect x="17.5" y="10" width="2.5" height="7"/><rect x="2" y="18" width="20" height="3"/>',
  candlestick_chart:
    '<rect x="4" y="8" width="4" height="9"/><path d="M6 4v4M6 17v3" stroke="#fff" stroke-width="1.6"/>' +
    '<rect x="10" y="5" width="4" height="7"/><path d="M12 2v3M12 12v4" stroke="#fff" stroke-width="1.6"/>' +
    '<rect x="16" y="11" width="4" height="7"/><path d="M18 7v4M18 18v4" stroke="#fff" stroke-width="1.6"/>',
  account_balance_wallet:
    '<path d="M3 6a2 2 0 0 1 2-2h13v3H5v11h15v-3h2v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z"/>' +
    '<path d="M11 9h11v6H11z"/><circle cx="15" cy="12" r="1.4" fill="#0005"/>',
  person_alert:
    '<circle cx="10" cy="8" r="4"/><path d="M2 21c0-4.4 3.6-7 8-7 1.4 0 2.7.3 3.8.8V21z"/>' +
    '<rect x="18" y="5" width="2.4" height="9" rx="1"/><circle cx="19.2" cy="18" r="1.5"/>',
  flag: '<path d="M5 3h2v18H5zM8 4h6l1 2h5v9h-6l-1-2H8z"/>',
  description: '<path d="M6 2h8l5 5v15H6z"/><path d="M9 12h7M9 15h7M9 18h5" stroke="#0006" stroke-width="1.4"/>',
};

function svg(body: string): string {
  const doc = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="${FILL}">${body}</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(doc)}`;
}

function initial(label: string): string {
  const letter = (label.trim()[0] ?? '?').toUpperCase().replace(/[<>&"']/g, '?');
  return (
    `<text x="12" y="17" text-anchor="middle" font-family="sans-serif" font-size="15" font-weight="700">` +
    `${letter}</text>`
  );
}

/** A data URI for the model's icon name; the kind's initial when the name is not drawn here. */
export function iconUri(icon: string, kindName: string): string {
  return svg(shapes[icon] ?? initial(kindName));
}

/** Whether `icon` has a drawing (the rest fall back to an initial); for tests and the legend. */
export const hasIcon = (icon: string): boolean => icon in shapes;
