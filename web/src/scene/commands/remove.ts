import type { Scene } from '../types';
import { prune } from './prune';

/** Takes nodes off the scene with their links (the store keeps them; re-adding brings them back). */
export const removeNodes = (scene: Scene, ids: readonly string[]): Scene => prune(scene, new Set(ids));

/** Takes links off the scene; their ends stay. */
export const removeLinks = (scene: Scene, ids: readonly string[]): Scene => prune(scene, new Set(), new Set(ids));
