import { addDays, chinaDate } from '#libs/calendar/dates';
import { eventually } from '../support/database';
import { EX_OFFICIO_CASE } from '../support/forms';
import { summaryBody } from '../support/summary-body';
import { TestSystem } from '../support/system';

// Finding a case (GET /api/v1/cases?q=…): by its number (案号), a party's name or ID number typed in
// part, Chinese included, narrowed by officer, unit, stage, status and dates; paged newest first; only the caller's
// agency's cases; bad filters refused field by field.
let sys: TestSystem;

const person = (name: string, idNumber: string) => ({ kind: 'person', name, idNumber });
const PARTIES = {
  zhangSanfeng: [person('张三丰', '21110319800101123X'), { kind: 'organisation', name: '某某（沈阳）商贸有限公司' }],
  zhangSan: [person('张三', '211103199002024567')],
  liSi: [person('李四', '211103197503037890')],
};

/**
 * Case ids by what they stand for; `other` is another agency's case with 张三丰's very name and ID number;
 * `filed` and `otherFiled` are filed (立案, so numbered) cases of 王五, of this agency and of another;
 * `ended` a case of 赵六 decided on the spot (简易程序) whose fine was paid, which ends it (结案).
 */
const ids: Record<'zhangSanfeng' | 'zhangSan' | 'liSi' | 'other' | 'filed' | 'otherFiled' | 'ended', string> = {} as never;
let firstDay: string;
let lastDay: string;

async function start(officer: string, parties: object[]): Promise<string> {
  const r = await sys.call('POST', '/api/v1/cases', { token: await sys.token(officer), body: { ...EX_OFFICIO_CASE, parties } });
  expect(r.status).toBe(201);
  return r.body.id;
}

/** A summary case without payment on the spot, then paid: the execution ends it. */
async function endedCase(): Promise<string> {
  const officer = await sys.token('xlt.officer1');
  const { on_the_spot_collection: _, ...items } = summaryBody().items;
  const body = summaryBody({ collection: undefined, items });
  const created = await sys.call('POST', '/api/v1/summary-cases', { token: officer, body });
  expect(created.status).toBe(201);
  await eventually(async () =>
    (await sys.call('GET', `/api/v1/cases/${created.body.id}/execution`, { token: officer })).status === 200 ? true : undefined,
  );
  const paid = await sys.call('POST', `/api/v1/cases/${created.body.id}/payments`, {
    token: officer,
    body: { paidAt: new Date().toISOString(), amountYuan: 50, receipt: 'LN-0021' },
  });
  expect(paid.status).toBe(200);
  await eventually(async () =>
    (await sys.call('GET', `/api/v1/cases/${created.body.id}`, { token: officer })).body.status === 'ended' ? true : undefined,
  );
  return created.body.id;
}

const list = async (query: string, user = 'xlt.officer1') => sys.call('GET', `/api/v1/cases?${query}`, { token: await sys.token(user) });
const found = async (query: string, user?: string) => {
  const r = await list(query, user);
  expect(r.status).toBe(200);
  return r.body.items.map((c: { id: string }) => c.id);
};

beforeAll(async () => {
  sys = await TestSystem.start();
  firstDay = chinaDate(new Date());
  // One at a time, so "newest first" has an order to check.
  ids.zhangSanfeng = await start('xlt.officer1', PARTIES.zhangSanfeng);
  ids.zhangSan = await start('xlt.officer3', PARTIES.zhangSan);
  ids.liSi = await start('xlt.officer1', PARTIES.liSi);
  ids.other = await start('pl.officer1', PARTIES.zhangSanfeng);
  [ids.filed, ids.otherFiled] = await Promise.all([sys.filedCase('xlt'), sys.filedCase('pl')]);
  ids.ended = await endedCase();
  lastDay = chinaDate(new Date());
});
afterAll(async () => {
  await sys?.stop();
});

it('finds a case by its number, whole or in part, brackets as typed, and never another agency’s', async () => {
  const number: string = (await sys.call('GET', `/api/v1/cases/${ids.filed}`, { token: await sys.token('xlt.officer1') })).body.caseNumber;
  expect(number).toMatch(/〔\d{4}〕\d+/);
  expect(await found(`q=${encodeURIComponent(number)}`)).toEqual([ids.filed]);
  expect(await found(`q=${encodeURIComponent(number.replace('〔', '[').replace('〕', ']'))}`)).toEqual([ids.filed]);
  const yearAndSeq = /〔\d{4}〕\d+/.exec(number)![0];
  expect(await found(`q=${encodeURIComponent(yearAndSeq)}`)).toEqual([ids.filed]);
  expect(await found(`q=${encodeURIComponent(yearAndSeq)}`, 'pl.officer1')).not.toContain(ids.filed);
  expect(await found(`q=${encodeURIComponent(number)}`, 'pl.officer1')).toEqual([]);
});

it('finds a case by a party’s whole name, and never another agency’s case of the same party', async () => {
  expect(await found(`q=${encodeURIComponent('张三丰')}`)).toEqual([ids.zhangSanfeng]);
  expect(await found(`q=${encodeURIComponent('张三丰')}`, 'pl.officer1')).toEqual([ids.other]);
});

it('finds by part of a name, two characters or one (no trigram: matched by position), newest first', async () => {
  expect(await found(`q=${encodeURIComponent('张三')}`)).toEqual([ids.zhangSan, ids.zhangSanfeng]);
  expect(await found(`q=${encodeURIComponent('三')}`)).toEqual([ids.zhangSan, ids.zhangSanfeng]);
  expect(await found(`q=${encodeURIComponent('三丰')}`)).toEqual([ids.zhangSanfeng]);
  expect(await found(`q=${encodeURIComponent('商贸有限')}`)).toEqual([ids.zhangSanfeng]);
});

it('finds by a fragment of an ID number: the last digits, a birth date, a final x in either case and width', async () => {
  expect(await found('q=4567')).toEqual([ids.zhangSan]);
  expect(await found('q=19750303')).toEqual([ids.liSi]);
  expect(await found('q=123x')).toEqual([ids.zhangSanfeng]);
  expect(await found('q=123X')).toEqual([ids.zhangSanfeng]);
  // As a Chinese input method types them: full-width digits and Ｘ.
  expect(await found(`q=${encodeURIComponent('４５６７')}`)).toEqual([ids.zhangSan]);
  expect(await found(`q=${encodeURIComponent('１２３Ｘ')}`)).toEqual([ids.zhangSanfeng]);
  expect(await found('q=2111031')).toEqual([ids.liSi, ids.zhangSan, ids.zhangSanfeng]);
});

it('takes brackets as typed in any form, and LIKE wildcards as plain characters', async () => {
  expect(await found(`q=${encodeURIComponent('某某(沈阳)')}`)).toEqual([ids.zhangSanfeng]);
  expect(await found(`q=${encodeURIComponent('[沈阳]商贸')}`)).toEqual([ids.zhangSanfeng]);
  expect(await found(`q=${encodeURIComponent('%')}`)).toEqual([]);
  expect(await found(`q=${encodeURIComponent('张_丰')}`)).toEqual([]);
});

it('matches nothing it should not: another name, a blank box lists everything', async () => {
  expect(await found(`q=${encodeURIComponent('钱七')}`)).toEqual([]);
  expect(await found(`q=${encodeURIComponent('王五')}`)).toEqual([ids.filed]);
  expect(await found('q=%20%20')).toEqual([ids.ended, ids.filed, ids.liSi, ids.zhangSan, ids.zhangSanfeng]);
});

it('filters by handling officer, unit, stage, status and the China day a case started or ended', async () => {
  const officer3 = (await sys.call('GET', '/api/v1/auth/me', { token: await sys.token('xlt.officer3') })).body.id;
  expect(await found(`handlingOfficerId=${officer3}`)).toEqual([ids.zhangSan]);
  expect(await found(`unit=${encodeURIComponent('执法二科')}`)).toEqual([ids.zhangSan]);
  expect(await found(`unit=${encodeURIComponent('执法科')}&q=${encodeURIComponent('张三')}`)).toEqual([ids.zhangSanfeng]);
  expect(await found('stage=initiation&status=pending_approval')).toEqual([ids.liSi, ids.zhangSan, ids.zhangSanfeng]);
  expect(await found('stage=decision')).toEqual([ids.filed]);
  expect(await found('status=initiated&stage=decision')).toEqual([ids.filed]);
  expect(await found('status=initiated&stage=initiation')).toEqual([]);
  expect(await found(`startedFrom=${firstDay}&startedTo=${lastDay}&q=${encodeURIComponent('张')}`)).toEqual([
    ids.zhangSan,
    ids.zhangSanfeng,
  ]);
  expect(await found(`startedTo=${addDays(firstDay, -1)}`)).toEqual([]);
  expect(await found(`startedFrom=${addDays(lastDay, 1)}`)).toEqual([]);
  // Only the case decided on the spot has ended (结案), today.
  expect(await found(`endedFrom=2000-01-01&endedTo=${lastDay}`)).toEqual([ids.ended]);
  expect(await found(`endedFrom=${firstDay}&q=${encodeURIComponent('赵六')}&status=ended&stage=archiving`)).toEqual([ids.ended]);
  expect(await found(`endedFrom=${addDays(lastDay, 1)}`)).toEqual([]);
  expect(await found(`endedTo=${addDays(firstDay, -1)}`)).toEqual([]);
  const ended = (await sys.call('GET', `/api/v1/cases/${ids.ended}`, { token: await sys.token('xlt.officer1') })).body;
  expect(chinaDate(new Date(ended.endedAt)) >= firstDay && chinaDate(new Date(ended.endedAt)) <= lastDay).toBe(true);
});

it('pages in a stable order, with the total of every match', async () => {
  const all = await found('q=211103');
  expect(all).toHaveLength(3);
  const pages = await Promise.all([1, 2, 3].map((page) => list(`q=211103&pageSize=1&page=${page}`)));
  expect(pages.map((p) => p.body.total)).toEqual([3, 3, 3]);
  expect(pages.flatMap((p) => p.body.items.map((c: { id: string }) => c.id))).toEqual(all);
});

it('refuses bad filters field by field, each with its code, in Chinese', async () => {
  const r = await list(
    'status=lost&stage=nowhere&startedFrom=2026-02-30&endedFrom=2026-05-02&endedTo=2026-05-01&handlingOfficerId=someone&q=' +
      '张'.repeat(51),
  );
  expect(r.status).toBe(400);
  expect(r.body.code).toBe('VALIDATION_FAILED');
  const byField = Object.fromEntries(
    r.body.errors.map((e: { field: string; code: string; message: string }) => [e.field, [e.code, e.message]]),
  );
  expect(byField).toEqual({
    q: ['TOO_LONG', '检索词不能超过50个字符'],
    status: ['NOT_ALLOWED', '案件状态的取值不在允许范围内'],
    stage: ['NOT_ALLOWED', '案件阶段的取值不在允许范围内'],
    handlingOfficerId: ['NOT_UUID', '承办人格式不正确'],
    startedFrom: ['NOT_DATE', '启动日期起必须是 YYYY-MM-DD 格式的有效日期'],
    endedTo: ['RANGE_REVERSED', '办结日期止不能早于办结日期起'],
  });
  // The officer and the unit must be the agency's own (checked once the fields are well formed).
  const strangers = await list(`handlingOfficerId=${ids.other}&unit=${encodeURIComponent('侦查科')}`);
  expect(strangers.status).toBe(400);
  expect(strangers.body.errors).toEqual([
    { field: 'handlingOfficerId', code: 'USER_UNKNOWN', message: '本机关没有该承办人' },
    { field: 'unit', code: 'UNIT_UNKNOWN', message: '本机关没有科室「侦查科」' },
  ]);
  const otherOfficer = (await sys.call('GET', '/api/v1/auth/me', { token: await sys.token('pl.officer1') })).body.id;
  expect((await list(`handlingOfficerId=${otherOfficer}`)).body.errors).toEqual([
    { field: 'handlingOfficerId', code: 'USER_UNKNOWN', message: '本机关没有该承办人' },
  ]);
  const reversed = await list('startedFrom=2026-03-02&startedTo=2026-03-01');
  expect(reversed.body.errors).toEqual([{ field: 'startedTo', code: 'RANGE_REVERSED', message: '启动日期止不能早于启动日期起' }]);
  // One day is a range: from and to may be the same day.
  expect((await list('startedFrom=2026-03-01&startedTo=2026-03-01')).status).toBe(200);
});
