/**
 * The write side of the investigation API: hand-made edits, each validated against the model and recorded
 * as a source of its own ("entered by <caller> at <time>", edit-record.ts). One object per caller and
 * request; the operations live in edit-entities.ts, edit-links.ts and edit-remove.ts.
 */
import { wellFormedIn, type EditContext } from './edit-arguments.js';
import { createEntity, updateEntity } from './edit-entities.js';
import { linkEntities } from './edit-links.js';
import { removeEntity, removeLink } from './edit-remove.js';
import type { EntityEdit, LinkEdit, Removal } from './edit-results.js';
import type { GraphEditor } from './edit-store.js';

export type { EditContext } from './edit-arguments.js';
export type { EntityEdit, LinkEdit, Removal } from './edit-results.js';
export type { GraphEditor } from './edit-store.js';

export interface GraphEdits {
  /** `key` is the id's key for given-key kinds (`v-0100`); natural-key kinds take it from their key property. */
  createEntity(kind: string, properties: unknown, options?: { key?: string | null }): Promise<EntityEdit>;
  updateEntity(id: string, properties: unknown): Promise<EntityEdit>;
  linkEntities(type: string, from: string, to: string, properties?: unknown): Promise<LinkEdit>;
  removeLink(id: string, options?: { force?: boolean | null }): Promise<Removal>;
  removeEntity(id: string, options?: { force?: boolean | null }): Promise<Removal>;
}

export function createGraphEdits(store: GraphEditor, context: EditContext): GraphEdits {
  // Each edit's arguments are checked for well-formed text before anything else reads them.
  const checked =
    <A extends object, R>(edit: (a: A) => Promise<R>) =>
    async (args: A): Promise<R> => {
      wellFormedIn(args);
      return edit(args);
    };
  const create = checked((a: Parameters<typeof createEntity>[2]) => createEntity(store, context, a));
  const update = checked((a: Parameters<typeof updateEntity>[2]) => updateEntity(store, context, a));
  const link = checked((a: Parameters<typeof linkEntities>[2]) => linkEntities(store, context, a));
  const unlink = checked((a: Parameters<typeof removeLink>[2]) => removeLink(store, context, a));
  const remove = checked((a: Parameters<typeof removeEntity>[2]) => removeEntity(store, context, a));
  return {
    createEntity: (kind, properties, options = {}) =>
      create({ kind, properties, ...(options.key != null && { key: options.key }) }),
    updateEntity: (id, properties) => update({ id, properties }),
    linkEntities: (type, from, to, properties) => link({ type, from, to, properties }),
    removeLink: (id, options = {}) => unlink({ id, force: options.force ?? false }),
    removeEntity: (id, options = {}) => remove({ id, force: options.force ?? false }),
  };
}
