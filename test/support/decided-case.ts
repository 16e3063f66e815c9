import { chinaDate } from '#libs/calendar/dates';
import { eventually } from './database';
import { TestSystem } from './system';

const DAY = 24 * 3600_000;

/**
 * A case of `agency` at the chief's approval of the decision (decision_approval open): drafted, agreed,
 * legally reviewed where the case needs it, the pre-decision notice served and waived (dated as
 * `decidedCase` says).
 */
export async function awaitingApproval(
  sys: TestSystem,
  agency: string,
  o: { handedOverAt?: string; rights?: string[] } = {},
): Promise<string> {
  const at = o.handedOverAt ?? new Date().toISOString();
  const before = (days: number) => new Date(Date.parse(at) - days * DAY).toISOString();
  const caseId = await sys.filedCase(agency);
  const officer = await sys.token(`${agency}.officer1`);
  const evidenceId = await sys.evidenceRecord(caseId, agency);
  await sys.call('POST', `/api/v1/cases/${caseId}/draft-decision`, {
    token: officer,
    body: {
      facts: '违法事实',
      evidenceIds: [evidenceId],
      legalBasis: '《社会团体登记管理条例》第三十条',
      penalties: [{ kind: 'fine', amountYuan: 1000 }],
      opinion: '罚款一千元',
      factors: '无',
    },
  });
  await sys.completeTask(caseId, `${agency}.unithead`, { decision: 'agree', opinion: '同意' });
  const next = await eventually(async () => {
    const review = await sys.call('GET', `/api/v1/cases/${caseId}/review`, { token: await sys.token(`${agency}.legal`) });
    return ['legal_review', 'awaiting_approval'].includes(review.body.status) ? review.body.status : undefined;
  });
  if (next === 'legal_review')
    await sys.completeTask(caseId, `${agency}.legal`, { decision: 'pass', opinion: '事实清楚，依据充分', suggestions: '无' });
  const servedAt = o.handedOverAt ? before(2) : at;
  const rights = o.rights ?? ['statement', 'defence'];
  const notice = await sys.call('POST', `/api/v1/cases/${caseId}/pre-decision-notice`, {
    token: officer,
    body: { servedAt, rights, method: '直接送达' },
  });
  if (notice.status >= 300) throw new Error(`notice: ${notice.status} ${JSON.stringify(notice.body)}`);
  await sys.call('POST', `/api/v1/cases/${caseId}/waivers`, {
    token: officer,
    body: { waivedAt: servedAt, scope: 'both', document: '放弃' },
  });
  return caseId;
}

/**
 * A case of `agency` through the review chain to a decision fining 1,000 yuan: the handling officer
 * drafts it on one written record, the unit head agrees, the legal reviewer passes it where the case
 * needs a legal review, the pre-decision notice is served and waived, the chief approves and the
 * officer issues the decision.
 * - `handedOverAt`: handed to the party, present, at that time. Entered late when that lies in the
 *   past, in the order the law requires (no event before the step it depends on): the notice served
 *   and waived two days before, the chief signed the day before, the decision dated that day.
 *   Resolves once execution has started.
 * - otherwise the party was absent and every step is dated now; resolves once the decision is
 *   issued (its service starts then).
 * - `rights`: those the notice tells (statement and defence unless the profile wants more).
 */
export async function decidedCase(sys: TestSystem, agency: string, o: { handedOverAt?: string; rights?: string[] } = {}): Promise<string> {
  const at = o.handedOverAt ?? new Date().toISOString();
  const before = (days: number) => new Date(Date.parse(at) - days * DAY).toISOString();
  const caseId = await awaitingApproval(sys, agency, o);
  const officer = await sys.token(`${agency}.officer1`);
  const signed = o.handedOverAt ? { signedAt: before(1) } : {};
  const approved = await sys.completeTask(caseId, `${agency}.chief`, {
    decision: 'approve',
    opinion: '同意',
    signature: '局长',
    ...signed,
  });
  if (approved.status !== 200) throw new Error(`approval: ${JSON.stringify(approved.body)}`);
  const handed = o.handedOverAt ? { partyPresent: true, handedOver: { at: o.handedOverAt, signedBy: '王五' } } : { partyPresent: false };
  const issued = await sys.call('POST', `/api/v1/cases/${caseId}/decision`, {
    token: officer,
    // No 文号: it is assigned on issue (the built-in profiles number by default).
    body: { decidedOn: chinaDate(new Date(at)), ...handed },
  });
  if (issued.status !== 200) throw new Error(`decision: ${issued.status} ${JSON.stringify(issued.body)}`);
  if (o.handedOverAt)
    await eventually(async () =>
      (await sys.call('GET', `/api/v1/cases/${caseId}/execution`, { token: officer })).status === 200 ? true : undefined,
    );
  // The 决定书 is rendered once the issue was answered ('documents-after-step'): within seconds.
  await eventually(async () =>
    (await sys.call('GET', `/api/v1/cases/${caseId}/documents?kind=decision`, { token: officer })).body.total ? true : undefined,
  );
  return caseId;
}
