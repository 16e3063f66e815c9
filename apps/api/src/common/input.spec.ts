import { isCalendarDate, isInstant } from './fields';
import { forbidUnknownFields } from './openapi';
import { unstorableText } from './validation';

// Input the fuzz run found reaching PostgreSQL or the record's hash and failing there.
it('an instant carries its offset, within ±14:00, in the years 1900–2999', () => {
  for (const ok of [
    '2026-11-23T05:00:00Z',
    '2026-11-23T13:00:00.123+08:00',
    '2026-11-23T13:00+08:00',
    '1990-01-01T00:00:00-12:00',
    '2026-01-01T00:00:00+14:00',
  ]) {
    expect({ ok, valid: isInstant(ok) }).toEqual({ ok, valid: true });
  }
  for (const bad of [
    '0257-07-01T00:21:50.729+17:21',
    '2026-11-23T05:00:00',
    '0000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-11-23T24:00:00Z',
    '2026-11-23T05:00:00+14:30',
    '3000-01-01T00:00:00Z',
    20261123,
    '2026-11-23 05:00:00Z',
  ]) {
    expect({ bad, valid: isInstant(bad) }).toEqual({ bad, valid: false });
  }
});

it('a calendar date exists and falls in the years 1900–2999 (PostgreSQL has no year 0)', () => {
  expect(['2026-11-23', '1900-01-01', '2999-12-31'].map(isCalendarDate)).toEqual([true, true, true]);
  expect(['0000-01-01', '1899-12-31', '3000-01-01', '2026-02-29'].map(isCalendarDate)).toEqual([false, false, false, false]);
});

it('finds text that cannot be stored as sent: NUL and lone surrogates, in values and keys, at any depth', () => {
  expect(unstorableText({ a: '执法', b: ['😀', { c: 'ok' }] }, '')).toBeNull();
  expect(unstorableText({ a: 'x\u0000' }, '')).toBe('a');
  expect(unstorableText({ parties: [{ name: 'ok' }, { name: '\ud800x' }] }, '')).toBe('parties[1].name');
  expect(unstorableText({ a: { 'k\udc00': 1 } }, '')).toBe('a.k\udc00');
  expect(unstorableText('abc\u0000', 'id')).toBe('id');
});

it('the OpenAPI document says that unknown fields are refused', () => {
  const doc = forbidUnknownFields({
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {},
    components: {
      schemas: {
        A: { type: 'object', properties: { x: { type: 'string' } } },
        B: { type: 'object', properties: {}, additionalProperties: true },
      },
    },
  });
  expect(doc.components?.schemas).toMatchObject({ A: { additionalProperties: false }, B: { additionalProperties: true } });
});
