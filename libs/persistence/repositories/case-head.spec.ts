import { CaseEntity } from '../entities/case.entity';
import { headOf } from './cases.repository';

// What a task shows of its case, from the row a completion reads anyway: the same as caseHeads' SQL.
const row = (form: unknown, caseNumber: string | null = null) => ({ caseNumber, form }) as unknown as CaseEntity;

it('names the parties that have a name, in order, with the 案号', () => {
  const form = { parties: [{ kind: 'person', name: '张三' }, { kind: 'organisation', name: '某某公司' }, { kind: 'person' }] };
  expect(headOf(row(form, 'XLT罚立〔2026〕1号'))).toEqual({ caseNumber: 'XLT罚立〔2026〕1号', partyNames: ['张三', '某某公司'] });
});

it('names none when the form has no list of parties (a summary-procedure case names only its kind)', () => {
  expect(headOf(row({ party: { kind: 'person' } }))).toEqual({ caseNumber: null, partyNames: [] });
});
