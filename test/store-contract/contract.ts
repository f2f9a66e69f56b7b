/**
 * The store contract: what every GraphStore adapter must do, asserted through the port only, so the same
 * suite runs on the embedded engine (embedded.test.ts) and on Neo4j (neo4j.test.ts). `open` must return
 * an initialised store holding no data; each describe block opens its own and closes it.
 */
import type { GraphStore } from '@ringtrace/server/store/port.js';
import { describe } from 'vitest';
import { citationContract } from './contract-citation.js';
import { readContract } from './contract-read.js';
import { removeContract } from './contract-remove.js';
import { keepTextContract, retractContract } from './contract-retract.js';
import { traverseContract } from './contract-traverse.js';
import { writeContract } from './contract-write.js';

export function defineStoreContract(name: string, open: () => Promise<GraphStore>): void {
  describe(`store contract: ${name}`, () => {
    writeContract(open);
    readContract(open);
    traverseContract(open);
    removeContract(open);
    retractContract(open);
    keepTextContract(open);
    citationContract(open);
  });
}
