/**
 * Opening a saved view (file or link): the ids are fetched again (the view holds no data), the scene is
 * rebuilt, and whatever could not be restored is named while the rest opens. Replacing the scene is a
 * step: undo goes back to what was on the canvas before.
 */

import { fetchExistingEntities, fetchLinks } from '../api';
import type { ParseResult } from '../scene/persistence/saved-view';
import { idsToFetch, restore } from '../scene/persistence/restore';
import type { OperationContext } from './operations';
import { withRetry } from './retry';

/** Problems listed by name in the notice; the rest are counted. */
const NAMED = 5;

export async function openView(ctx: OperationContext, parsed: ParseResult, from: string): Promise<boolean> {
  if (!parsed.ok) {
    ctx.notify({
      tone: 'error',
      title: `Could not open the view from ${from}`,
      detail: parsed.error,
      next: 'Check that it is a Ringtrace view (.json saved with “Save view”, or a whole “Copy link” URL).',
    });
    return false;
  }
  const { view } = parsed;
  const ids = idsToFetch(view);
  try {
    const [entities, links] = await ctx.track(
      withRetry(() => Promise.all([fetchExistingEntities(ids.entities), fetchLinks(ids.links)]), {
        onRetry: (attempt) => ctx.retryNotice(attempt),
      }),
    );
    const restored = restore(view, { entities: entities.found, links: links.found });
    ctx.layoutNext({ fit: true });
    ctx.dispatch({ type: 'do', command: () => restored.scene });
    const problems = [...parsed.problems, ...restored.problems.map((p) => p.message)];
    if (problems.length > 0) {
      const shown = problems.slice(0, NAMED).join('; ');
      const more = problems.length > NAMED ? ` and ${problems.length - NAMED} more` : '';
      ctx.notify({
        tone: 'warning',
        title: `The view from ${from} opened, but not all of it: ${problems.length} ${problems.length === 1 ? 'thing' : 'things'} could not be restored`,
        detail: `${shown}${more}.`,
        next: 'The rest is on the canvas. The data may have changed since the view was saved.',
      });
    }
    return true;
  } catch (error) {
    ctx.fail(`open the view from ${from}`, error, () => void openView(ctx, parsed, from));
    return false;
  }
}
