import { createHash } from 'node:crypto';
import { userId } from '../support/database';
import { TestSystem } from '../support/system';

// Over HTTP, what a record of the investigation carries over time: its upload period and retention,
// corrections that keep the original, its date against the case's start and now, and who may read
// a recording flagged confidential in the case file.
let sys: TestSystem;
const token = (u: string) => sys.token(u);

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

describe('upload periods, retention and corrections', () => {
  it('away from the office, the upload is due 24 hours after return (平罗, 003 第九条)', async () => {
    const caseId = await sys.filedCase('pl');
    const recordedAt = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString();
    const returnedAt = new Date(Date.now() - 3600_000).toISOString();
    const r = await sys.call('POST', `/api/v1/cases/${caseId}/av-records`, {
      token: await token('pl.officer1'),
      body: {
        title: '偏远村走访录音',
        recordedAt,
        method: 'audio',
        usedAsEvidence: false,
        awayFromOffice: true,
        returnedAt,
        metadata: { spoken_opening_statement: '现在是……，执法人员……正在进行音像记录' },
      },
    });
    expect(r.status).toBe(201);
    expect(Date.parse(r.body.upload.dueAt) - Date.parse(returnedAt)).toBe(24 * 3600 * 1000);
    const noReturn = await sys.call('POST', `/api/v1/cases/${caseId}/av-records`, {
      token: await token('pl.officer1'),
      body: {
        title: '录音',
        recordedAt,
        method: 'audio',
        usedAsEvidence: false,
        awayFromOffice: true,
        metadata: { spoken_opening_statement: '……' },
      },
    });
    expect(noReturn.body.errors).toContainEqual({ field: 'returnedAt', code: 'REQUIRED', message: '返回单位时间不能为空' });
  });

  it('an audiovisual record not used as evidence is kept 3 years (金普, 004 第二十九条)', async () => {
    const caseId = await sys.filedCase('jp');
    const r = await sys.call('POST', `/api/v1/cases/${caseId}/av-records`, {
      token: await token('jp.officer1'),
      body: {
        title: '巡查照片',
        recordedAt: '2026-11-20T10:00:00+08:00',
        method: 'photo',
        usedAsEvidence: false,
        metadata: { place_marker: '码头' },
      },
    });
    expect(r.status).toBe(201);
    // 2026-11-20 + 36 months = 2029-11-20 (a Tuesday; 2029 has no schedule loaded, weekends only).
    expect(r.body.retentionUntil).toBe('2029-11-20');
  });

  it('a correction is a new record that points to the one it corrects; the original stays', async () => {
    const caseId = await sys.filedCase('xlt');
    const body = {
      kind: 'appraisal_opinion',
      title: '鉴定意见书',
      recordedAt: new Date().toISOString(),
      content: '鉴定结论：……',
      officers: [],
      signatures: { partySigned: true },
    };
    const first = await sys.call('POST', `/api/v1/cases/${caseId}/records`, { token: await token('xlt.officer1'), body });
    const unexplained = await sys.call('POST', `/api/v1/cases/${caseId}/records`, {
      token: await token('xlt.officer1'),
      body: { ...body, corrects: first.body.id },
    });
    expect(unexplained.body.errors).toContainEqual({ field: 'correctionReason', code: 'REQUIRED', message: '更正理由不能为空' });
    const fixed = await sys.call('POST', `/api/v1/cases/${caseId}/records`, {
      token: await token('xlt.officer1'),
      body: { ...body, content: '鉴定结论（更正）：……', corrects: first.body.id, correctionReason: '原记录结论笔误' },
    });
    expect(fixed.status).toBe(201);
    const list = await sys.call('GET', `/api/v1/cases/${caseId}/evidence`, { token: await token('xlt.officer1') });
    expect(list.body.items.map((e: any) => [e.id, e.corrects])).toEqual([
      [first.body.id, null],
      [fixed.body.id, first.body.id],
    ]);
  });

  it('lists the records a page at a time, in the order they were made, like every list', async () => {
    const caseId = await sys.filedCase('xlt');
    const ids = [await sys.evidenceRecord(caseId, 'xlt'), await sys.evidenceRecord(caseId, 'xlt')];
    const first = await sys.call('GET', `/api/v1/cases/${caseId}/evidence`, { token: await token('xlt.officer1') });
    expect(first.body).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    const second = await sys.call('GET', `/api/v1/cases/${caseId}/evidence?page=2&pageSize=1`, { token: await token('xlt.officer1') });
    expect(second.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(second.body.items.map((e: any) => e.id)).toEqual([ids[1]]);
  });
});

describe('records dated before the case or in the future', () => {
  const written = async (caseId: string, recordedAt: string) =>
    sys.call('POST', `/api/v1/cases/${caseId}/records`, {
      token: await token('xlt.officer1'),
      body: {
        kind: 'appraisal_opinion',
        title: '检查时的鉴定意见书',
        recordedAt,
        content: '鉴定结论……',
        officers: [await sys.officer('xlt.officer1'), await sys.officer('xlt.officer2')],
        signatures: { partySigned: true },
      },
    });

  it('evidence from the inspection that led to the case precedes its start lawfully: accepted, and the record says so', async () => {
    const caseId = await sys.filedCase('xlt');
    const before = new Date(Date.now() - 3 * 24 * 3600_000).toISOString();
    const r = await written(caseId, before);
    expect(r.status).toBe(201);
    const now = await written(caseId, new Date().toISOString());
    expect(now.status).toBe(201);
    const record = await sys.call('GET', `/api/v1/cases/${caseId}/record?pageSize=100`, { token: await token('xlt.officer1') });
    const lines = record.body.items.filter((e: any) => e.action === 'evidence_recorded').map((e: any) => e.summary);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('「检查时的鉴定意见书」（立案前取得）');
    expect(lines[1]).not.toContain('立案前取得');
  });

  it('a record dated in the future is refused, naming the field', async () => {
    const caseId = await sys.filedCase('xlt');
    const r = await written(caseId, new Date(Date.now() + 3600_000).toISOString());
    expect(r).toMatchObject({ status: 400, body: { code: 'TIME_IN_FUTURE', errors: [{ field: 'recordedAt', code: 'TIME_IN_FUTURE' }] } });
    expect(r.body.errors[0].message).toContain('记录时间');
  });
});

describe('confidentiality in the case file', () => {
  it('the case file hides a flagged recording from another unit, shows it to the handling unit, and records the read once a day', async () => {
    const caseId = await sys.filedCase('jp');
    const now = new Date().toISOString();
    const av = await sys.call('POST', `/api/v1/cases/${caseId}/av-records`, {
      token: await token('jp.officer1'),
      body: {
        title: '询问录像',
        recordedAt: now,
        activityEndedAt: now,
        method: 'video',
        usedAsEvidence: true,
        atSea: true,
        metadata: {
          producer: '张执法',
          extractor: '张执法',
          extracted_at: now,
          place_marker: '大连湾禁渔区3号浮标',
          sea_coordinates: 'N38°55′ E121°38′',
          ship_name_number: '辽大渔54321',
          audio_transcript: '当事人陈述其患有某种疾病',
          fact_proven: '当事人于禁渔期捕捞',
        },
      },
    });
    expect(av.status).toBe(201);
    const avId = av.body.id;
    const bytes = Buffer.from('涉及隐私的询问录像'.repeat(100));
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect((await sys.storeFile(caseId, avId, bytes, { user: 'jp.officer1', type: 'video/mp4' })).status).toBe(200);
    const flagged = await sys.call('POST', `/api/v1/cases/${caseId}/evidence/${avId}/flags`, {
      token: await token('jp.unithead'),
      body: { flag: 'privacy', reason: '录像涉及当事人病情' },
    });
    expect(flagged.body).toEqual({ recordId: avId, flags: ['privacy'] });
    const entryOf = (file: any) => file.body.catalogue.find((e: any) => e.recordId === avId);

    // 执法二科: before the fix, the transcript, the fact proven and the storage path came back whole, unrecorded.
    for (let i = 0; i < 2; i++) {
      const outsider = await sys.call('GET', `/api/v1/cases/${caseId}/case-file`, { token: await token('jp.officer3') });
      expect(outsider.status).toBe(200);
      expect(entryOf(outsider)).toMatchObject({
        kind: 'audiovisual',
        title: '询问录像',
        storage: null,
        metadata: null,
        confidentiality: ['privacy'],
        redacted: '内容涉及个人隐私，已隐去',
      });
      for (const secret of ['当事人陈述其患有某种疾病', '当事人于禁渔期捕捞', sha])
        expect(JSON.stringify(outsider.body)).not.toContain(secret);
    }
    // The handling unit reads it whole, three times: one line in the record for the day.
    for (let i = 0; i < 3; i++) {
      const colleague = await sys.call('GET', `/api/v1/cases/${caseId}/case-file`, { token: await token('jp.officer2') });
      expect(entryOf(colleague)).toMatchObject({
        storage: { sha256: sha },
        metadata: { audio_transcript: '当事人陈述其患有某种疾病' },
        confidentiality: ['privacy'],
      });
      expect(entryOf(colleague).redacted).toBeUndefined();
    }
    const record = await sys.call('GET', `/api/v1/cases/${caseId}/record?pageSize=100`, { token: await token('jp.chief') });
    const reads = record.body.items.filter((e: any) => e.action === 'record_read');
    expect(reads.map((e: any) => e.actor.id)).toEqual([await userId(sys.database.db, 'jp.officer2')]); // the outsider saw nothing, so read nothing
    expect(reads[0].summary).toContain('询问录像');
  });
});
