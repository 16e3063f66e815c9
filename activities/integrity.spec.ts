import { ApplicationFailure } from '@temporalio/common';
import { QueryFailedError } from 'typeorm';
import { nonRetryableIntegrity } from './integrity';

// A write the database refuses for its integrity is not retried forever.
const pgError = (code: string) =>
  Object.assign(new Error('violates foreign key constraint'), {
    code,
    constraint: 'coercive_measures_record_id_fkey',
    table: 'coercive_measures',
  });

it('turns an integrity violation (SQLSTATE class 23) into a non-retryable INTEGRITY_VIOLATION', async () => {
  const acts = nonRetryableIntegrity({ write: async () => Promise.reject(new QueryFailedError('INSERT', [], pgError('23503'))) });
  const failure = await acts.write().catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(ApplicationFailure);
  expect(failure).toMatchObject({
    type: 'INTEGRITY_VIOLATION',
    nonRetryable: true,
    details: [{ sqlState: '23503', constraint: 'coercive_measures_record_id_fkey', table: 'coercive_measures' }],
  });
});

it('leaves a transient failure (the database away) to be retried, and results untouched', async () => {
  const away = pgError('57P01');
  const acts = nonRetryableIntegrity({ write: async () => Promise.reject(away), read: async (n: number) => n + 1 });
  await expect(acts.write()).rejects.toBe(away);
  await expect(acts.read(1)).resolves.toBe(2);
});
