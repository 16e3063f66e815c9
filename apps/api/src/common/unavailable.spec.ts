import { QueryFailedError } from 'typeorm';
import { databaseUnavailable } from './unavailable';

// PostgreSQL away is a 503 with Retry-After; anything else it says stays a fault (500). Temporal: temporal/errors.spec.ts.
const pg = (code: string, message: string) => new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));

describe('PostgreSQL unavailable', () => {
  it('refused, shut down by the administrator, starting up, or the connection lost mid-query', () => {
    expect(databaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(databaseUnavailable(Object.assign(new AggregateError([Object.assign(new Error(''), { code: 'ECONNREFUSED' })], ''), {}))).toBe(
      true,
    );
    expect(databaseUnavailable(pg('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(databaseUnavailable(pg('57P03', 'the database system is starting up'))).toBe(true);
    expect(databaseUnavailable(pg('08006', 'connection failure'))).toBe(true);
    expect(databaseUnavailable(new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')))).toBe(true);
    // The pool's statement timeout (a query that hung), and node-pg's own read timeout behind it.
    expect(databaseUnavailable(pg('57014', 'canceling statement due to statement timeout'))).toBe(true);
    expect(databaseUnavailable(new QueryFailedError('SELECT 1', [], new Error('Query read timeout')))).toBe(true);
  });

  it('not a constraint or syntax error', () => {
    expect(databaseUnavailable(pg('23505', 'duplicate key'))).toBe(false);
    expect(databaseUnavailable(pg('42601', 'syntax error'))).toBe(false);
  });
});
