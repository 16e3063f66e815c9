import { issueBody, issueErrors, noticeBody, waiverBody, type IssueForm, type NoticeForm } from './decision-forms';

const notice = (over: Partial<NoticeForm> = {}): NoticeForm => ({
  rights: ['statement', 'defence'],
  served: false,
  servedAt: '2026-03-05 14:30',
  method: '直接送达',
  documentNumber: '兴民罚告〔2026〕1号',
  ...over,
});

const issue = (over: Partial<IssueForm> = {}): IssueForm => ({
  documentNumber: ' ',
  decidedOn: '2026-03-10',
  partyPresent: false,
  handedOver: { at: '2026-03-10 10:00', signedBy: '王五' },
  ...over,
});

describe('the notice and decision forms', () => {
  it('issues the notice under its 文号 to be served, or records it served with its time and method', () => {
    expect(noticeBody(notice())).toEqual({ rights: ['statement', 'defence'], documentNumber: '兴民罚告〔2026〕1号' });
    expect(noticeBody(notice({ served: true }))).toEqual({
      rights: ['statement', 'defence'],
      servedAt: '2026-03-05T14:30:00+08:00',
      method: '直接送达',
    });
  });

  it('sends the waiver with its time as a China instant', () => {
    expect(waiverBody({ waivedAt: '2026-03-06 09:00', scope: 'both', document: '本人放弃' })).toEqual({
      waivedAt: '2026-03-06T09:00:00+08:00',
      scope: 'both',
      document: '本人放弃',
    });
  });

  it('hands the decision over only when the party is present, the 文号 only when typed', () => {
    expect(issueBody(issue())).toEqual({ documentNumber: undefined, decidedOn: '2026-03-10', partyPresent: false, handedOver: undefined });
    expect(issueBody(issue({ partyPresent: true })).handedOver).toEqual({ at: '2026-03-10T10:00:00+08:00', signedBy: '王五' });
  });

  it('puts a nested field error next to its field', () => {
    const errors = issueErrors({
      code: 'VALIDATION_FAILED',
      message: '请求参数有误',
      errors: [{ field: 'handedOver.signedBy', code: 'REQUIRED', message: '签收人不能为空' }],
    });
    expect(errors).toEqual({ fields: { 'handedOver.signedBy': '签收人不能为空' }, message: null });
  });
});
