/**
 * The Cytoscape stylesheet, derived from the model: one rule per kind (colour, icon) and per relationship
 * type (colour), then the state classes the scene view sets (selected, dimmed, highlighted, pinned, more).
 * Later rules win, so state rules come after the per-kind ones. Data fields are the scene view's
 * (`sceneToElements`): nodes carry `kind` and `caption`, edges `type` and a rollup `label`, markers `label`.
 */

import type { EdgeSingular, StylesheetJson } from 'cytoscape';
import { iconUri } from './icons';
import type { StyleModel } from './model-style';

const SELECTED = '#0969da';
const HIGHLIGHT = '#ffd600';
const INK = '#1f2328';

/** A selector-safe value for `[field = "value"]`. */
const quoted = (value: string) => JSON.stringify(value);

const baseRules: StylesheetJson = [
  {
    selector: 'node',
    style: {
      width: 34,
      height: 34,
      'background-color': '#9e9e9e',
      'background-fit': 'none',
      'background-width': '62%',
      'background-height': '62%',
      'border-width': 0,
      label: 'data(caption)',
      'font-size': 10,
      color: INK,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '130px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 7,
    },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'curve-style': 'bezier',
      'line-color': '#8c959f',
      'target-arrow-color': '#8c959f',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      label: 'data(label)',
      'font-size': 8,
      color: '#57606a',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 8,
    },
  },
];

const stateRules: StylesheetJson = [
  {
    selector: 'node.more',
    style: {
      shape: 'round-rectangle',
      label: 'data(label)',
      width: 64,
      height: 20,
      'background-color': '#ffffff',
      'background-image': 'none',
      'border-width': 1,
      'border-style': 'dashed',
      'border-color': '#57606a',
      'text-valign': 'center',
      'text-margin-y': 0,
      'font-size': 9,
      color: '#57606a',
      'text-background-opacity': 0,
    },
  },
  { selector: 'edge.more', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none', label: '' } },
  {
    selector: 'node.pinned',
    style: { 'outline-width': 2, 'outline-color': INK, 'outline-offset': 2, 'outline-style': 'solid' },
  },
  {
    selector: '.highlighted',
    style: { 'underlay-color': HIGHLIGHT, 'underlay-opacity': 0.55, 'underlay-padding': 6, 'z-index': 10 },
  },
  { selector: 'edge.highlighted', style: { width: 3.5 } },
  { selector: '.dimmed', style: { opacity: 0.15, 'z-index': 0 } },
  { selector: 'node.selected', style: { 'border-width': 4, 'border-color': SELECTED, 'z-index': 20 } },
  {
    selector: 'edge.selected',
    style: { width: 4, 'line-color': SELECTED, 'target-arrow-color': SELECTED, color: SELECTED, 'z-index': 20 },
  },
];

/** Per kind (node class `kind-<Kind>`) and per relationship type (edge data `type`). */
export function buildStylesheet(model: StyleModel): StylesheetJson {
  const kindRules: StylesheetJson = model.kinds.map((kind) => ({
    selector: `node.kind-${kind.name}`,
    style: {
      'background-color': kind.display.colour,
      'background-image': iconUri(kind.display.icon, kind.name),
    },
  }));
  const linkRules: StylesheetJson = model.relationships.map((rel) => ({
    selector: `edge[type = ${quoted(rel.name)}]`,
    style: {
      'line-color': rel.display.colour,
      'target-arrow-color': rel.display.colour,
      // "called · 12×", "paid · 2× · 1.5 ETH": the type's words, then the rollup the view computed.
      label: (edge: EdgeSingular) => [rel.display.label, edge.data('label')].filter(Boolean).join(' · '),
    },
  }));
  return [...baseRules, ...kindRules, ...linkRules, ...stateRules];
}
