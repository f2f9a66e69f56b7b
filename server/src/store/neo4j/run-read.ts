/**
 * Raw reads on Neo4j (`runRead`): saved and ad-hoc queries, after the shared checks (read-checks.ts),
 * in a READ access-mode transaction (the server refuses any write in it, whatever the guard missed),
 * with the transaction timeout enforced by the server and a client deadline that closes the session
 * (which stops the query) if the server has not answered by then. Rows past the cap are counted, not mapped.
 */
import neo4j, { int, isNode, isPath, isRelationship, type Driver } from 'neo4j-driver';
import { DomainError, isDomainError } from '../../domain/errors.js';
import type { CellValue, ReadOptions, ReadResult } from '../port.js';
import { checkRead, readTimeout } from '../read-checks.js';
import { mapNeo4jError } from './errors.js';
import { valueOut } from './values.js';

export interface Neo4jReadOptions {
  readonly database: string | undefined;
  readonly queryTimeoutMs: number;
  /** Time after the deadline for the server's own timeout to answer first. Default 250 ms. */
  readonly graceMs?: number;
}

const idOf = (properties: Record<string, unknown>): CellValue =>
  typeof properties['id'] === 'string' ? properties['id'] : null;

/** A value as a port cell: graph objects as ids (at any depth), the rest as the adapter maps it. */
export function cellOf(value: unknown): CellValue {
  if (isNode(value) || isRelationship(value)) return idOf(value.properties as Record<string, unknown>);
  if (isPath(value)) {
    return {
      entityIds: [value.start, ...value.segments.map((s) => s.end)].map((n) => idOf(n.properties)),
      linkIds: value.segments.map((s) => idOf(s.relationship.properties)),
    };
  }
  if (Array.isArray(value)) return value.map(cellOf);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cellOf(v)]));
  }
  return valueOut(value) as CellValue;
}

/** Whole numbers go as Neo4j integers (a JS number is sent as a float, which LIMIT and ranges refuse). */
const bind = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(bind) : typeof v === 'number' && Number.isSafeInteger(v) ? int(v) : v;

export async function runReadNeo4j(
  driver: Driver,
  options: Neo4jReadOptions,
  cypher: string,
  params: Readonly<Record<string, unknown>>,
  readOptions: ReadOptions,
): Promise<ReadResult> {
  const checked = checkRead('neo4j', cypher, params, readOptions, options.queryTimeoutMs);
  const { rowCap, timeoutMs } = checked;
  const bound = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, bind(v)]));
  const session = driver.session({
    defaultAccessMode: neo4j.session.READ,
    ...(options.database !== undefined && { database: options.database }),
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        reject(readTimeout(checked, false));
        // Closing the session ends the transaction on the server.
        void session.close().catch(() => undefined);
      },
      timeoutMs + (options.graceMs ?? 250),
    );
  });
  const work = session.executeRead(
    async (tx) => {
      const result = tx.run(cypher, bound);
      const columns = await result.keys();
      const rows: CellValue[][] = [];
      let omitted = 0;
      for await (const record of result) {
        if (rows.length < rowCap) rows.push(columns.map((c) => cellOf(record.get(c))));
        else omitted++;
      }
      return { columns: [...columns], rows, omitted };
    },
    { timeout: timeoutMs, metadata: { app: 'ringtrace', op: 'runRead' } },
  );
  try {
    const { columns, rows, omitted } = await Promise.race([work, deadline]);
    return { columns, rows, truncated: omitted > 0 ? { bound: 'rowCap', value: rowCap, omitted } : null };
  } catch (error) {
    if (isDomainError(error)) throw error;
    const mapped = mapNeo4jError(error, 'runRead');
    if (mapped.code === 'TIMEOUT') throw readTimeout(checked, false);
    // A query the server refuses (syntax, unknown function, a write in a READ transaction) is the caller's.
    const forbidden =
      mapped.code === 'FORBIDDEN' || mapped.details['engineCode'] === 'Neo.ClientError.Statement.AccessMode';
    if (mapped.code === 'INTERNAL' || forbidden) {
      throw new DomainError(forbidden ? 'FORBIDDEN' : 'INVALID_ARGUMENT', mapped.message, {
        details: { ...mapped.details },
        cause: error,
      });
    }
    throw mapped;
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
    // Not awaited: after a deadline the server may not answer the close either.
    void session.close().catch(() => undefined);
  }
}
