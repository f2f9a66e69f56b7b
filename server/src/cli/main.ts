/** `pnpm ringtrace <command>`: see program.ts. */

import { fail } from '../fail.js';
import { createProgram } from './program.js';

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  fail(error);
}
