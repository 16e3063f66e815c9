import { DueKey } from '#libs/persistence/repositories/supervision.repository';
import { ApiException } from '../common/api.exception';

/** A due time as PostgreSQL prints it to the microsecond in UTC, so the cursor names the exact row. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The due list's page cursor: the sort key of the last row shown (due time, case, kind, ref), as
 * base64url JSON. Opaque to clients; the next page starts strictly after that row, so rows added or
 * closed between pages neither repeat a row nor skip one that was already after it.
 */
export function encodeDueCursor(k: DueKey): string {
  return Buffer.from(JSON.stringify([k.dueAt, k.caseId, k.kind, k.ref]), 'utf8').toString('base64url');
}

/** The key a cursor names, or null if it is not one this API gave out. */
export function decodeDueCursor(cursor: string): DueKey | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(v) || v.length !== 4 || !v.every((x) => typeof x === 'string' && x.length <= 100)) return null;
  const [dueAt, caseId, kind, ref] = v as string[];
  if (!INSTANT.test(dueAt) || Number.isNaN(Date.parse(dueAt)) || !UUID.test(caseId) || !kind || !ref) return null;
  return { dueAt, caseId, kind, ref };
}

/** The cursor a request carries, or a field error (400, VALIDATION_FAILED) naming it. */
export function dueCursorOf(cursor: string): DueKey {
  const key = decodeDueCursor(cursor);
  if (!key) {
    throw new ApiException('VALIDATION_FAILED', [
      { field: 'cursor', code: 'DUE_CURSOR_INVALID', message: '翻页游标无效，请从第一页重新查询' },
    ]);
  }
  return key;
}
