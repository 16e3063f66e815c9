import { urgeable, type Escalation } from './urge';

const at = (kind: string, o: Partial<Escalation> = {}): Escalation => ({
  caseId: 'c1',
  taskId: 't1',
  kind,
  dueAt: '2026-03-05T16:00:00.000Z',
  legalBasis: '依据',
  resolvedAt: null,
  ...o,
});

describe('the overdue tasks a supervisor may urge on a case', () => {
  it("lists each open task once, by its kind's label, whatever rungs of the ladder it climbed", () => {
    const list = urgeable([at('escalated_to_supervisor'), at('escalated_to_chief'), at('legal_review_overdue')], 'c1');
    expect(list).toEqual([{ taskId: 't1', label: '法制审核', dueAt: '2026-03-05T16:00:00.000Z', legalBasis: '依据' }]);
  });

  it("leaves out other cases', resolved and task-less escalations, and orders by due time", () => {
    const list = urgeable(
      [
        at('legal_review_overdue', { caseId: 'c2' }),
        at('legal_review_overdue', { resolvedAt: '2026-03-06T00:00:00.000Z' }),
        at('decision_overdue', { taskId: null }),
        at('escalated_to_chief', { taskId: 't2', dueAt: '2026-03-01T16:00:00.000Z' }),
      ],
      'c1',
    );
    expect(list.map((u) => [u.taskId, u.label])).toEqual([['t2', '逾期任务']]);
  });
});
