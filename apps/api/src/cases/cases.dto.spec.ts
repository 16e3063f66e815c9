import { ApiException } from '../common/api.exception';
import { validationPipe } from '../common/validation';
import { CaseListQuery } from './cases.dto';

/** The query as the pipe leaves it, or its field errors as `field:code`. */
async function parse(query: Record<string, string>): Promise<CaseListQuery | string[]> {
  try {
    return await validationPipe().transform(query, { type: 'query', metatype: CaseListQuery });
  } catch (e) {
    expect(e).toBeInstanceOf(ApiException);
    return (e as ApiException).fields!.map((f) => `${f.field}:${f.code}`);
  }
}

it('a range of dates may be one day, and its end may not precede its start', async () => {
  expect(await parse({ startedFrom: '2026-03-01', startedTo: '2026-03-01' })).toMatchObject({ startedTo: '2026-03-01' });
  expect(await parse({ startedFrom: '2026-03-02', startedTo: '2026-03-01' })).toEqual(['startedTo:RANGE_REVERSED']);
  expect(await parse({ endedFrom: '2026-12-31', endedTo: '2026-01-01' })).toEqual(['endedTo:RANGE_REVERSED']);
  // Either end alone is a half-open range.
  expect(await parse({ endedTo: '2026-01-01' })).toMatchObject({ endedTo: '2026-01-01' });
});

it('a start that is not a date is reported as such, not also as a reversed range', async () => {
  expect(await parse({ startedFrom: '2026-13-01', startedTo: '2026-03-01' })).toEqual(['startedFrom:NOT_DATE']);
  expect(await parse({ startedFrom: '2026-03-01', startedTo: 'yesterday' })).toEqual(['startedTo:NOT_DATE']);
});

it('a blank search box is no search; a search is trimmed', async () => {
  expect(await parse({ q: '   ' })).toMatchObject({ q: undefined });
  expect(await parse({ q: ' 张三 ' })).toMatchObject({ q: '张三' });
});

it('stages and statuses are those of a case', async () => {
  expect(await parse({ stage: 'decision', status: 'initiated' })).toMatchObject({ stage: 'decision', status: 'initiated' });
  expect(await parse({ stage: 'trial', status: 'open' })).toEqual(['status:NOT_ALLOWED', 'stage:NOT_ALLOWED']);
});
