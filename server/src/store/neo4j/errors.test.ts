import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { DomainError, invalidArgument } from '../../domain/errors.js';
import { mapNeo4jError, reasonOf, safeUri, unreachable } from './errors.js';

const serverError = (code: string, message = 'server said no') => Object.assign(new Error(message), { code });

describe('mapNeo4jError', () => {
  it.each([
    ['Neo.ClientError.Security.Unauthorized', 'UNAUTHENTICATED', false],
    ['Neo.ClientError.Security.CredentialsExpired', 'UNAUTHENTICATED', false],
    ['Neo.ClientError.Security.Forbidden', 'FORBIDDEN', false],
    ['Neo.ClientError.Security.AuthorizationExpired', 'FORBIDDEN', true],
    ['Neo.ClientError.General.ForbiddenOnReadOnlyDatabase', 'FORBIDDEN', false],
    ['Neo.ClientError.Transaction.TransactionTimedOut', 'TIMEOUT', false],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'TIMEOUT', false],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'CONFLICT', false],
    ['Neo.DatabaseError.Schema.ConstraintCreationFailed', 'CONFLICT', false],
    ['Neo.TransientError.Transaction.DeadlockDetected', 'CONFLICT', true],
    ['Neo.TransientError.Transaction.LockAcquisitionTimeout', 'CONFLICT', true],
    ['Neo.TransientError.General.DatabaseUnavailable', 'UNAVAILABLE', true],
    ['Neo.TransientError.General.TransactionMemoryLimit', 'LIMIT_EXCEEDED', false],
    ['Neo.ClientError.Cluster.NotALeader', 'UNAVAILABLE', true],
    ['Neo.ClientError.Database.DatabaseNotFound', 'UNAVAILABLE', false],
    ['ServiceUnavailable', 'UNAVAILABLE', true],
    ['SessionExpired', 'UNAVAILABLE', true],
    ['Neo.ClientError.Statement.SyntaxError', 'INTERNAL', false],
  ] as const)('%s -> %s (retriable %s)', (code, expected, retriable) => {
    const mapped = mapNeo4jError(serverError(code), 'write');
    expect(mapped).toBeInstanceOf(DomainError);
    expect(mapped.code).toBe(expected);
    expect(mapped.retriable).toBe(retriable);
    expect(mapped.details).toMatchObject({ engine: 'neo4j', operation: 'write', engineCode: code });
    expect(mapped.message).toBe('Neo4j write failed: server said no');
  });

  it('maps the driver’s own error class by its code', () => {
    const e = new Neo4jError(
      'Failed to connect. Caused by: connect ECONNREFUSED 127.0.0.1:7687',
      'ServiceUnavailable',
      '50N42',
      'x',
    );
    const mapped = mapNeo4jError(e, 'search');
    expect(mapped).toMatchObject({ code: 'UNAVAILABLE', retriable: true });
    expect(mapped.message).toBe('Neo4j search failed: connect ECONNREFUSED 127.0.0.1:7687');
  });

  it('treats a driver-side timeout (no server code) as TIMEOUT', () => {
    const mapped = mapNeo4jError(new Error('Connection acquisition timed out in 60000 ms.'), 'expand');
    expect(mapped).toMatchObject({ code: 'TIMEOUT', retriable: true });
  });

  it('maps a Lucene parse failure to INVALID_ARGUMENT', () => {
    const e = serverError(
      'Neo.ClientError.Procedure.ProcedureCallFailed',
      "Failed to invoke procedure `db.index.fulltext.queryNodes`: Caused by: org.apache.lucene.queryparser.classic.ParseException: Cannot parse 'a:'",
    );
    expect(mapNeo4jError(e, 'search').code).toBe('INVALID_ARGUMENT');
    const many = serverError(
      'Neo.ClientError.Procedure.ProcedureCallFailed',
      'Failed to invoke procedure. Caused by: org.apache.lucene.search.IndexSearcher$TooManyClauses: maxClauseCount is set to 1024',
    );
    expect(mapNeo4jError(many, 'search').code).toBe('INVALID_ARGUMENT');
    expect(mapNeo4jError(serverError('Neo.ClientError.Procedure.ProcedureCallFailed', 'other'), 'search').code).toBe(
      'INTERNAL',
    );
  });

  it('passes domain errors through untouched', () => {
    const original = invalidArgument('depth', 'too deep');
    expect(mapNeo4jError(original, 'expand')).toBe(original);
  });

  it('calls anything else INTERNAL', () => {
    expect(mapNeo4jError(new TypeError('boom'), 'write').code).toBe('INTERNAL');
  });
});

describe('reasonOf', () => {
  it('keeps one line and drops the routing table', () => {
    const message =
      'Could not perform discovery. No routing servers available. Known routing table: RoutingTable[database=x]\nmore';
    expect(reasonOf(new Error(message))).toBe('Could not perform discovery. No routing servers available');
  });
});

describe('unreachable', () => {
  it('is one line with the address and reason', () => {
    const e = unreachable(
      'bolt://127.0.0.1:1',
      serverError('ServiceUnavailable', 'x. Caused by: connect ECONNREFUSED 127.0.0.1:1'),
    );
    expect(e).toMatchObject({
      code: 'UNAVAILABLE',
      message: 'cannot reach Neo4j at bolt://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1',
    });
  });

  it('says the credentials were refused when the server answered', () => {
    const e = unreachable(
      'neo4j://db:7687',
      serverError('Neo.ClientError.Security.Unauthorized', 'The client is unauthorized.'),
    );
    expect(e).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Neo4j at neo4j://db:7687 refused the credentials: The client is unauthorized',
    });
  });

  it('never shows user:password from the address', () => {
    expect(safeUri('neo4j+s://me:pw@host.example:7687/db')).toBe('neo4j+s://host.example:7687/db');
    expect(unreachable('bolt://me:pw@h:1', new Error('nope')).message).toBe('cannot reach Neo4j at bolt://h:1: nope');
  });
});
