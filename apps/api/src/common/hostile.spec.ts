import { MAX_JSON_DEPTH, jsonDepth, rejectDeepJson } from './body-errors';
import { inCaseYears } from './fields';
import { prototypeKey } from './validation';

// Hostile bodies refused before anything walks them.
it('counts JSON nesting on the bytes, ignoring brackets inside strings and escaped quotes', () => {
  expect(jsonDepth(Buffer.from('{"a":[{"b":1}],"c":"[[[{{{"}'))).toBe(3);
  expect(jsonDepth(Buffer.from('{"a":"\\"[[[["}'))).toBe(1);
  expect(jsonDepth(Buffer.from('"x"'))).toBe(0);
  expect(jsonDepth(Buffer.from('['.repeat(5000) + ']'.repeat(5000)), MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH + 1);
  expect(() => rejectDeepJson(null, null, Buffer.from('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)))).not.toThrow();
  expect(() => rejectDeepJson(null, null, Buffer.from('['.repeat(MAX_JSON_DEPTH + 1)))).toThrow(
    expect.objectContaining({ status: 400, type: 'entity.too.deep' }),
  );
});

it('finds __proto__, constructor and prototype keys at any depth, not in values or list positions', () => {
  expect(prototypeKey(JSON.parse('{"a":{"__proto__":{"x":1}}}'), '')).toBe('a.__proto__');
  expect(prototypeKey(JSON.parse('{"parties":[{"constructor":1}]}'), '')).toBe('parties[0].constructor');
  expect(prototypeKey({ prototype: 1 }, '')).toBe('prototype');
  expect(prototypeKey({ a: '__proto__', b: ['constructor'], __proto__x: 1 }, '')).toBeNull();
});

it('keeps every date of a period start or pause in the years 1900–2999', () => {
  expect(['2026-01-01', '2026-01-01T00:00:00+08:00', '2026-01-01/2026-02-01', '2026-01-01/', 'x'].map(inCaseYears)).toEqual([
    true,
    true,
    true,
    true,
    true,
  ]);
  expect(
    ['3008-01-01', '1899-12-31T00:00:00Z', '2026-01-01/3008-01-01', '+275760-09-13T00:00:00Z', '12026-01-01'].map(inCaseYears),
  ).toEqual([false, false, false, false, false]);
});
