import { Actor } from './roles';
import { CompletionInput, TaskKind, TaskRef, completionRefusal, describeCompletion } from './tasks';

const chiefTask: TaskRef = {
  id: 't1',
  caseId: 'c1',
  agencyId: 'xinglongtai-civil-affairs',
  kind: 'chief_approval',
  role: 'chief',
  openedAt: '2026-11-23T00:00:00Z',
};
const chief: Actor = { id: 'u-chief', name: '局长', role: 'chief', agencyId: 'xinglongtai-civil-affairs' };
const approve: CompletionInput = { decision: 'approve', opinion: '同意' };

describe('completionRefusal: who may complete which task', () => {
  it('lets the right role of the right agency complete an open task', () => {
    expect(completionRefusal(chiefTask, chief, approve)).toBeNull();
  });

  it('refuses a task that is no longer open', () => {
    expect(completionRefusal(undefined, chief, approve)).toBe('TASK_NOT_OPEN');
  });

  it('refuses another agency, checked before the role', () => {
    expect(completionRefusal(chiefTask, { ...chief, agencyId: 'huayin-housing' }, approve)).toBe('TASK_WRONG_AGENCY');
  });

  it('refuses another role: an officer cannot approve (负责人审批)', () => {
    expect(completionRefusal(chiefTask, { ...chief, role: 'officer' }, approve)).toBe('TASK_WRONG_ROLE');
  });

  it('refuses a task assigned to someone else', () => {
    const backReport: TaskRef = { ...chiefTask, kind: 'back_report', role: 'officer', assigneeId: 'u-1' };
    const other: Actor = { ...chief, id: 'u-2', role: 'officer' };
    expect(completionRefusal(backReport, other, { decision: 'submit', opinion: '补报' })).toBe('TASK_NOT_ASSIGNEE');
    expect(completionRefusal(backReport, { ...other, id: 'u-1' }, { decision: 'submit', opinion: '补报' })).toBeNull();
  });

  it('refuses a decision the task does not offer', () => {
    expect(completionRefusal(chiefTask, chief, { decision: 'agree', opinion: '' })).toBe('TASK_DECISION_INVALID');
  });

  it('requires how and when someone was told for a decline notification (000 第七条)', () => {
    const t: TaskRef = { ...chiefTask, kind: 'decline_notification', role: 'officer' };
    const officer: Actor = { ...chief, role: 'officer' };
    expect(completionRefusal(t, officer, { decision: 'notified', opinion: '已告知' })).toBe('TASK_NOTIFICATION_REQUIRED');
    const notification = { method: 'phone' as const, notifiedAt: '2026-11-23T09:00:00+08:00', recipient: '李四' };
    expect(completionRefusal(t, officer, { decision: 'notified', opinion: '已告知', notification })).toBeNull();
  });
});

describe('describeCompletion: the record says what the chief approved', () => {
  const approved = (kind: TaskKind) => describeCompletion(kind, { ...approve, taskId: 't1', by: chief, at: '2026-11-23T09:00:00Z' });

  it.each([
    ['chief_approval', '「负责人审批」：批准启动。'],
    ['measure_extension', '「批准延长查封、扣押或冻结期限」：批准延长。'],
    ['decision_extension', '「批准延长作出处理决定的期限」：批准延长。'],
    ['measure_approval', '「补办当场实施强制措施的批准手续」：批准。'],
    ['demand_notice_approval', '「批准催告书」：批准。'],
  ] as const)('%s: %s', (kind, line) => {
    expect(approved(kind)).toContain(line);
  });
});
