import { ApiException } from '../common/api.exception';
import { decodeDueCursor, dueCursorOf, encodeDueCursor } from './due-cursor';

const KEY = { dueAt: '2026-03-02T08:30:00.123456Z', caseId: '0b6c3f5e-2a4d-4e8f-9a1b-3c5d7e9f1a2b', kind: 'task:legal_review', ref: 'a1' };
const raw = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');

describe('the due list cursor', () => {
  it('gives back the key it was made from, to the microsecond', () => {
    const cursor = encodeDueCursor(KEY);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeDueCursor(cursor)).toEqual(KEY);
  });

  it('keeps a kind or ref in any script', () => {
    const key = { ...KEY, kind: 'deadline:decision', ref: '决定' };
    expect(decodeDueCursor(encodeDueCursor(key))).toEqual(key);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('{[').toString('base64url')],
    ['an object', raw({ dueAt: KEY.dueAt })],
    ['three parts', raw([KEY.dueAt, KEY.caseId, KEY.kind])],
    ['a number inside', raw([KEY.dueAt, KEY.caseId, KEY.kind, 1])],
    ['a day, not an instant', raw(['2026-03-02', KEY.caseId, KEY.kind, KEY.ref])],
    ['milliseconds only', raw(['2026-03-02T08:30:00.123Z', KEY.caseId, KEY.kind, KEY.ref])],
    ['an impossible date', raw(['2026-13-45T08:30:00.000000Z', KEY.caseId, KEY.kind, KEY.ref])],
    ['a case that is not a UUID', raw([KEY.dueAt, "x' OR 1=1", KEY.kind, KEY.ref])],
    ['an empty kind', raw([KEY.dueAt, KEY.caseId, '', KEY.ref])],
    ['an overlong ref', raw([KEY.dueAt, KEY.caseId, KEY.kind, 'r'.repeat(101)])],
  ])('refuses %s', (_, cursor) => {
    expect(decodeDueCursor(cursor)).toBeNull();
  });

  it('a bad cursor is a field error with a stable code and a Chinese message', () => {
    let thrown: unknown;
    try {
      dueCursorOf('abc');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ApiException);
    const e = thrown as ApiException;
    expect([e.code, e.status]).toEqual(['VALIDATION_FAILED', 400]);
    expect(e.fields).toEqual([{ field: 'cursor', code: 'DUE_CURSOR_INVALID', message: expect.stringMatching(/游标/) }]);
  });
});
