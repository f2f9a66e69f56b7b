// The mapping worker's entry (map-on-worker.ts starts it): the server runs as TypeScript through tsx, and
// a worker thread does not inherit tsx's loader on Node 20 ("Unknown file extension .ts"), so it
// registers the loader itself before it imports the worker's code.
import { register } from 'tsx/esm/api';

register();
await import('./map-worker.ts');
