import { chainRules, completionBody, completionErrors, completionFields, doneElsewhere, offered, type CompletionForm } from './completion';

const SIGNED = chainRules({ chiefApproval: { title: '行政机关负责人', fields: ['opinion', 'signature', 'signed_at'] } });
const OPINION_ONLY = chainRules({
  chiefApproval: { title: '负责人', fields: ['opinion'] },
  legalReview: { recordedFields: { fields: ['suggestions'] } },
});

const form = (over: Partial<CompletionForm> = {}): CompletionForm => ({
  decision: 'approve',
  opinion: '同意',
  signature: '',
  signedAt: '',
  delegated: false,
  delegation: { onBehalfOf: '', basis: '' },
  returnTo: '',
  findings: [],
  suggestions: '',
  notification: { method: 'phone', notifiedAt: '', recipient: '', note: '' },
  receipt: { receivedBy: '', receivedAt: '', documentNumber: '' },
  ...over,
});

describe('the completion form of a task', () => {
  it("asks the chief for the signature and its time where the agency's profile records them (review chain's approval)", () => {
    expect(completionFields('decision_approval', 'approve', SIGNED)).toMatchObject({
      signature: 'required',
      signedAt: 'required',
      returnTo: false,
    });
    expect(completionFields('decision_approval', 'approve', OPINION_ONLY)).toMatchObject({ signature: 'optional', signedAt: 'optional' });
    expect(completionFields('chief_approval', 'approve', SIGNED)).toMatchObject({ signature: null, signedAt: null });
  });

  it('asks where a returned draft goes only when the approval returns it', () => {
    expect(completionFields('decision_approval', 'return', SIGNED).returnTo).toBe(true);
    expect(completionFields('draft_review', 'return', SIGNED).returnTo).toBe(false);
  });

  it("takes the reviewers' findings, and requires the legal reviewer's suggestions where the profile records them", () => {
    expect(completionFields('draft_review', 'agree', OPINION_ONLY)).toMatchObject({ findings: true, suggestions: 'optional' });
    expect(completionFields('legal_review', 'pass', OPINION_ONLY)).toMatchObject({ findings: true, suggestions: 'required' });
    expect(completionFields('legal_review', 'pass', SIGNED).suggestions).toBe('optional');
    expect(completionFields('unit_head_review', 'agree', SIGNED)).toMatchObject({ findings: false, suggestions: null });
  });

  it('records the notification of a declined start and the receipt of a transfer with their own tasks', () => {
    expect(completionFields('decline_notification', 'notified', SIGNED)).toMatchObject({ notification: true, receipt: false });
    expect(completionFields('transfer_receipt', 'received', SIGNED)).toMatchObject({ notification: false, receipt: true });
  });

  it('sends only the fields the task takes, China wall-clock times as instants, blanks left out', () => {
    const f = form({ signature: ' 张三 ', signedAt: '2026-03-05 14:30', suggestions: '无', findings: ['serious_violation'] });
    expect(completionBody(f, completionFields('decision_approval', 'approve', SIGNED))).toEqual({
      decision: 'approve',
      opinion: '同意',
      signature: '张三',
      signedAt: '2026-03-05T14:30:00+08:00',
      delegation: undefined,
      returnTo: undefined,
      findings: undefined,
      suggestions: undefined,
      notification: undefined,
      receipt: undefined,
    });
    const notified = form({
      decision: 'notified',
      notification: { method: 'sms', notifiedAt: '2026-03-05 09:00', recipient: '王五', note: '' },
    });
    expect(completionBody(notified, completionFields('decline_notification', 'notified', SIGNED)).notification).toEqual({
      method: 'sms',
      notifiedAt: '2026-03-05T09:00:00+08:00',
      recipient: '王五',
      note: undefined,
    });
  });

  it("shows the case's refusal of a missing signature next to the signature, others above the form", () => {
    const fields = ['opinion', 'signature'] as const;
    expect(completionErrors({ code: 'APPROVAL_SIGNATURE_REQUIRED', message: '负责人审批须签名', errors: [] }, fields)).toEqual({
      fields: { signature: '负责人审批须签名' },
      message: null,
    });
    expect(completionErrors({ code: 'DRAFTER_CANNOT_APPROVE', message: '拟定人不得审批' }, fields)).toEqual({
      fields: {},
      message: '拟定人不得审批',
    });
    const fieldError = {
      code: 'VALIDATION_FAILED',
      message: '请求参数有误',
      errors: [{ field: 'opinion', code: 'REQUIRED', message: '办理意见不能为空' }],
    };
    expect(completionErrors(fieldError, fields)).toEqual({ fields: { opinion: '办理意见不能为空' }, message: null });
  });

  it("sends a deputy's delegation (受委托签批) only when the approval is signed on behalf of the chief", () => {
    const fields = completionFields('decision_approval', 'approve', SIGNED);
    const delegation = { onBehalfOf: '王局长', basis: '局长办公会授权' };
    expect(completionBody(form({ delegation }), fields).delegation).toBeUndefined();
    expect(completionBody(form({ delegated: true, delegation }), fields).delegation).toEqual(delegation);
    expect(completionFields('draft_review', 'agree', SIGNED).delegation).toBe(false);
  });

  it('points the tasks completed through their own endpoint to where they are done', () => {
    expect(doneElsewhere('av_upload')).toContain('调查取证记录');
    expect(doneElsewhere('draft_decision')).toBeNull();
    expect(doneElsewhere('archive_file')).toBeNull();
    expect(doneElsewhere('service_attempt')).toContain('送达');
    expect(doneElsewhere('decision_approval')).toBeNull();
  });

  it('offers 转交 and 催办 to the roles of the permission matrix', () => {
    expect(['officer', 'unit_head', 'chief', 'supervisor'].filter((r) => offered('task.transfer', r))).toEqual(['unit_head', 'chief']);
    expect(['officer', 'unit_head', 'chief', 'supervisor'].filter((r) => offered('task.urge', r))).toEqual([
      'unit_head',
      'chief',
      'supervisor',
    ]);
  });
});
