/**
 * A saved view: what is on the scene by stable ids (entities and links), where and how it is drawn, so
 * a JSON file or a URL reopens the same investigation against the current data. Versioned: a later
 * format can still read this one. Parsing is lenient by field: a broken entry is named and skipped, the
 * rest restores.
 */
import { z } from 'zod';
import { LAYOUTS } from '../commands/layout';
import type { Highlight, LayoutName, Scene } from '../types';

export const SAVED_VIEW_FORMAT = 'ringtrace-view';
export const SAVED_VIEW_VERSION = 1;

const position = z.object({ x: z.number().finite(), y: z.number().finite() });

const savedNode = z.object({
  id: z.string().min(1),
  position: position.optional(),
  pinned: z.boolean().optional(),
  hidden: z.boolean().optional(),
});

const filters = z.object({ hiddenKinds: z.array(z.string()), hiddenLinkTypes: z.array(z.string()) });
const highlight = z.object({
  kind: z.enum(['paths', 'network', 'money', 'query']),
  nodes: z.array(z.string()),
  links: z.array(z.string()),
});
const layout = z.enum(LAYOUTS as [LayoutName, ...LayoutName[]]);

export type SavedNode = z.infer<typeof savedNode>;

export interface SavedView {
  readonly format: typeof SAVED_VIEW_FORMAT;
  readonly version: typeof SAVED_VIEW_VERSION;
  readonly savedAt?: string;
  /** Entities by id, with what the investigator did to them (flags only when set). */
  readonly nodes: readonly SavedNode[];
  /** Link ids: event links are many per pair, so the view keeps each one it drew. */
  readonly links: readonly string[];
  readonly filters: Scene['filters'];
  readonly selection: readonly string[];
  readonly layout: LayoutName;
  readonly highlight: Highlight | null;
}

/** Positions to a tenth of a pixel: what the eye can tell, and shorter URLs. */
const round = (n: number) => Math.round(n * 10) / 10;

export function toSavedView(scene: Scene, savedAt?: string): SavedView {
  return {
    format: SAVED_VIEW_FORMAT,
    version: SAVED_VIEW_VERSION,
    ...(savedAt && { savedAt }),
    nodes: Object.entries(scene.nodes).map(([id, n]) => ({
      id,
      ...(n.position && { position: { x: round(n.position.x), y: round(n.position.y) } }),
      ...(n.pinned && { pinned: true }),
      ...(n.hidden && { hidden: true }),
    })),
    links: Object.keys(scene.links),
    filters: { hiddenKinds: [...scene.filters.hiddenKinds], hiddenLinkTypes: [...scene.filters.hiddenLinkTypes] },
    selection: [...scene.selection],
    layout: scene.layout,
    highlight: scene.highlight,
  };
}

export type ParseResult =
  | { readonly ok: true; readonly view: SavedView; readonly problems: readonly string[] }
  | { readonly ok: false; readonly error: string };

const describe = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');

/**
 * Reads a saved view (JSON text or parsed value). Not a view at all (not JSON, another format, a newer
 * version) is `ok: false` with the reason; otherwise every field that does not fit is named in `problems`
 * and left at its default (a bad node or link entry is skipped), and the rest is kept.
 */
export function parseSavedView(input: unknown): ParseResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return { ok: false, error: 'not a saved view: the text is not JSON' };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'not a saved view: expected a JSON object' };
  }
  const raw = value as Record<string, unknown>;
  if (raw['format'] !== SAVED_VIEW_FORMAT)
    return { ok: false, error: `not a saved view: format is not "${SAVED_VIEW_FORMAT}"` };
  const version = raw['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'not a saved view: no version' };
  }
  if (version > SAVED_VIEW_VERSION) {
    return {
      ok: false,
      error: `saved by a newer Ringtrace (view version ${version}; this one reads up to ${SAVED_VIEW_VERSION})`,
    };
  }

  const problems: string[] = [];
  /** The field as the schema reads it, or the fallback with the problem named. */
  const field = <T>(name: string, schema: z.ZodType<T>, fallback: T): T => {
    if (raw[name] === undefined) return fallback;
    const parsed = schema.safeParse(raw[name]);
    if (parsed.success) return parsed.data;
    problems.push(`${name}: ${describe(parsed.error)}`);
    return fallback;
  };
  /** Each entry of a list on its own: a bad one is skipped and named. */
  const entries = <T>(name: string, schema: z.ZodType<T>): T[] => {
    const list = field<unknown[]>(name, z.array(z.unknown()), []);
    return list.flatMap((entry, i) => {
      const parsed = schema.safeParse(entry);
      if (parsed.success) return [parsed.data];
      problems.push(`${name}[${i}]: ${describe(parsed.error)}`);
      return [];
    });
  };

  const savedAt = field<string | undefined>('savedAt', z.string(), undefined);
  const view: SavedView = {
    format: SAVED_VIEW_FORMAT,
    version: SAVED_VIEW_VERSION,
    ...(savedAt && { savedAt }),
    nodes: entries('nodes', savedNode),
    links: entries('links', z.string().min(1)),
    filters: field('filters', filters, { hiddenKinds: [], hiddenLinkTypes: [] }),
    selection: entries('selection', z.string()),
    layout: field<LayoutName>('layout', layout, 'fcose'),
    highlight: field<Highlight | null>('highlight', highlight.nullable(), null),
  };
  return { ok: true, view, problems };
}

export const savedViewToJson = (view: SavedView): string => `${JSON.stringify(view, null, 2)}\n`;
