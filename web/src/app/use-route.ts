import { useEffect } from 'react';
import { fetchEntities } from '../api';
import { viewFromHash } from '../scene/persistence/url';
import { addEntity } from './add-entity';
import { openView } from './open-view';
import { expand, type OperationContext } from './operations';
import { withRetry } from './retry';
import { parseRoute } from './routes';

async function openEntity(ctx: OperationContext, id: string): Promise<void> {
  try {
    const [entity] = await ctx.track(withRetry(() => fetchEntities([id])));
    if (!entity) return;
    addEntity(ctx, null, entity);
    await expand(ctx, id);
  } catch (error) {
    ctx.fail(`open ${id} from the link`, error, () => void openEntity(ctx, id));
  }
}

/** Opens what the address names, on load and when the hash changes (a pasted link, back/forward). */
export function useRoute(ctx: OperationContext) {
  useEffect(() => {
    const follow = () => {
      const route = parseRoute(window.location.hash);
      if (route.type === 'entity') void openEntity(ctx, route.id);
      else if (route.type === 'view') void openView(ctx, viewFromHash(window.location.hash), 'the link');
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [ctx]);
}
