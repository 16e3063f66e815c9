import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TestSystem } from '../support/system';

// Over HTTP: an inspection recorded with its audiovisual record and file; the two-officer
// gate; the mandatory audiovisual duty; the timeline shows them all.
let sys: TestSystem;
const token = (u: string) => sys.token(u);




beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

describe('an inspection at sea (金普新区海洋发展局, 004 第十二、十五、二十七、二十九条)', () => {
  let caseId: string;
  let avId: string;
  const bytes = Buffer.from('执法记录仪视频（测试内容）'.repeat(1000));
  const now = new Date();

  beforeAll(async () => {
    caseId = await sys.filedCase('jp');
  });

  it('an audiovisual record needs the metadata the profile lists', async () => {
    const r = await sys.call('POST', `/api/v1/cases/${caseId}/av-records`, {
      token: await token('jp.officer1'),
      body: { title: '现场检查录像', recordedAt: now.toISOString(), method: 'video', usedAsEvidence: true, atSea: true, metadata: { producer: '张执法' } },
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('RECORD_INVALID');
    const fields = r.body.errors.map((e: any) => e.field).sort();
    expect(fields).toEqual(['metadata.extracted_at', 'metadata.extractor', 'metadata.place_marker', 'metadata.sea_coordinates', 'metadata.ship_name_number']);
    expect(r.body.errors.find((e: any) => e.field === 'metadata.ship_name_number').message).toBe('须记录被调查船只船名船号');
  });

  it('records the audiovisual record with an upload due 24 hours after the activity ended', async () => {
    const r = await sys.call('POST', `/api/v1/cases/${caseId}/av-records`, {
      token: await token('jp.officer1'),
      body: {
        title: '现场检查录像',
        recordedAt: now.toISOString(),
        activityEndedAt: now.toISOString(),
        method: 'video',
        usedAsEvidence: true,
        atSea: true,
        metadata: {
          producer: '张执法',
          extractor: '张执法',
          extracted_at: now.toISOString(),
          place_marker: '大连湾禁渔区3号浮标',
          sea_coordinates: 'N38°55′ E121°38′',
          ship_name_number: '辽大渔12345',
        },
      },
    });
    expect(r.status).toBe(201);
    avId = r.body.id;
    expect(Date.parse(r.body.upload.dueAt) - now.getTime()).toBe(24 * 3600 * 1000);
    expect(r.body.retentionUntil).toBeNull(); // evidence: kept with the case file (第二十九条)
  });

  it('stores the file by its SHA-256 outside the database; the same file again is harmless, another is refused', async () => {
    const put = (body: Buffer) =>
      fetch(`${sys.baseUrl}/api/v1/cases/${caseId}/av-records/${avId}/file`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${sys.tokenOf('jp.officer1')}`, 'content-type': 'video/mp4' },
        body,
      });
    const sha = createHash('sha256').update(bytes).digest('hex');
    const first = await put(bytes);
    expect(first.status).toBe(200);
    const view: any = await first.json();
    expect(view.upload).toMatchObject({ sha256: sha, size: bytes.length, onTime: true });
    expect(existsSync(join(sys.env.storageDir, 'sha256', sha.slice(0, 2), sha))).toBe(true);
    expect((await put(bytes)).status).toBe(200);
    const other = await put(Buffer.from('另一个文件'));
    expect(other.status).toBe(409);
    expect(((await other.json()) as any).code).toBe('AV_ALREADY_STORED');
  });

  it('a record missing the second officer gets a field error in Chinese', async () => {
    const r = await sys.call('POST', `/api/v1/cases/${caseId}/records`, {
      token: await token('jp.officer1'),
      body: {
        kind: 'on_site_inspection_transcript',
        title: '现场检查笔录',
        recordedAt: now.toISOString(),
        content: '检查情况……',
        officers: [await sys.officer('jp.officer1')],
        signatures: { partySigned: true },
        avRecordIds: [avId],
      },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors).toContainEqual({ field: 'officers', code: 'OFFICERS_TOO_FEW', message: '现场检查（勘验）笔录须载明至少2名持有执法证件的执法人员' });
  });

  it('refuses a certificate that is not the officer’s, and an inspection without AV or a written reason', async () => {
    const wrong = { ...(await sys.officer('jp.officer2')), certificateNo: 'JP-ZF-99999' };
    const r = await sys.call('POST', `/api/v1/cases/${caseId}/records`, {
      token: await token('jp.officer1'),
      body: {
        kind: 'on_site_inspection_transcript',
        title: '现场检查笔录',
        recordedAt: now.toISOString(),
        content: '检查情况……',
        officers: [await sys.officer('jp.officer1'), wrong],
        signatures: { partySigned: false, refusalReason: '拒绝签字', witness: '赵六' },
      },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: any) => `${e.field}:${e.code}`)).toEqual(['avOmissionReason:AV_REASON_REQUIRED', 'officers[1].certificateNo:CERTIFICATE_INVALID']);
  });

  it('takes the inspection transcript with two certified officers and its audiovisual record', async () => {
    const r = await sys.call('POST', `/api/v1/cases/${caseId}/records`, {
      token: await token('jp.officer1'),
      body: {
        kind: 'on_site_inspection_transcript',
        title: '现场检查笔录',
        recordedAt: now.toISOString(),
        content: '检查情况……',
        place: '大连湾禁渔区',
        officers: [await sys.officer('jp.officer1'), await sys.officer('jp.officer2')],
        signatures: { partySigned: false, refusalReason: '当事人拒绝签字', witness: '船员赵六' },
        avRecordIds: [avId],
      },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'on_site_inspection_transcript', avVerdict: 'recorded' });
  });

  it('the timeline shows the records in order, with the upload due time and whether it was on time', async () => {
    const r = await sys.call('GET', `/api/v1/cases/${caseId}/record?pageSize=100`, { token: await token('jp.chief') });
    const steps = r.body.items.map((e: any) => e.action);
    expect(steps.slice(-3)).toEqual(['evidence_recorded', 'av_file_stored', 'evidence_recorded']);
    const [av, stored, transcript] = r.body.items.slice(-3);
    expect(av.summary).toContain('须于');
    expect(av.details.uploadDueAt).toBeDefined();
    expect(stored.summary).toContain('按期');
    expect(stored.details.onTime).toBe(true);
    expect(transcript.summary).toContain('现场检查（勘验）笔录');
    const evidence = await sys.call('GET', `/api/v1/cases/${caseId}/evidence`, { token: await token('jp.chief') });
    expect(evidence.body.map((e: any) => e.kind)).toEqual(['video', 'on_site_inspection_transcript']);
  });
});

describe('a mandatory audiovisual record not made (新乡镇, 001 第十一条)', () => {
  it('keeps the inquiry transcript and flags a defect on the case', async () => {
    const caseId = await sys.filedCase('xx');
    const r = await sys.partyInquiry(caseId, 'xx', { rights: ['statement', 'defence', 'hearing'], method: '口头告知并记入笔录' });
    expect(r.status).toBe(201);
    expect(r.body.avVerdict).toBe('defect');
    const defects = await sys.call('GET', `/api/v1/cases/${caseId}/defects`, { token: await token('xx.supervisor') });
    expect(defects.body).toHaveLength(1);
    expect(defects.body[0]).toMatchObject({ kind: 'av_missing', recordId: r.body.id });
    expect(defects.body[0].legalBasis).toContain('第十一条');
  });

  it('an inquiry of the party must record the rights the profile requires', async () => {
    const caseId = await sys.filedCase('xx');
    const r = await sys.partyInquiry(caseId, 'xx', { rights: ['statement'], method: '口头告知' });
    expect(r.status).toBe(400);
    expect(r.body.errors).toContainEqual({ field: 'rightsTold.rights', code: 'RIGHTS_MISSING', message: '未告知以下权利：申辩、听证' });
  });
});

describe('evidence preservation (兴隆台区民政局, 000 第九条)', () => {
  it('needs the reason, the object and the form', async () => {
    const caseId = await sys.filedCase('xlt');
    const body = {
      kind: 'evidence_preservation',
      title: '证据保全记录',
      recordedAt: new Date().toISOString(),
      content: '账册可能被销毁，予以保全',
      officers: [],
      signatures: { partySigned: true },
    };
    const missing = await sys.call('POST', `/api/v1/cases/${caseId}/records`, { token: await token('xlt.officer1'), body });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toContainEqual({ field: 'preservation', code: 'REQUIRED', message: '证据保全事项不能为空' });
    const ok = await sys.call('POST', `/api/v1/cases/${caseId}/records`, {
      token: await token('xlt.officer1'),
      body: { ...body, preservation: { reason: '证据可能灭失', object: '2025年度账册三本', forms: ['copy', 'audiovisual'] } },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.content.preservation).toEqual({ reason: '证据可能灭失', object: '2025年度账册三本', forms: ['copy', 'audiovisual'] });
  });
});

describe('upload periods, retention and corrections', () => {
  it('away from the office, the upload is due 24 hours after return (平罗, 003 第九条)', async () => {
    const caseId = await sys.filedCase('pl');
    const recordedAt = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString();
    const returnedAt = new Date(Date.now() - 3600_000).toISOString();
    const r = await sys.call('POST', `/api/v1/cases/${caseId}/av-records`, {
      token: await token('pl.officer1'),
      body: {
        title: '偏远村走访录音', recordedAt, method: 'audio', usedAsEvidence: false, awayFromOffice: true, returnedAt,
        metadata: { spoken_opening_statement: '现在是……，执法人员……正在进行音像记录' },
      },
    });
    expect(r.status).toBe(201);
    expect(Date.parse(r.body.upload.dueAt) - Date.parse(returnedAt)).toBe(24 * 3600 * 1000);
    const noReturn = await sys.call('POST', `/api/v1/cases/${caseId}/av-records`, {
      token: await token('pl.officer1'),
      body: { title: '录音', recordedAt, method: 'audio', usedAsEvidence: false, awayFromOffice: true, metadata: { spoken_opening_statement: '……' } },
    });
    expect(noReturn.body.errors).toContainEqual({ field: 'returnedAt', code: 'REQUIRED', message: '返回单位时间不能为空' });
  });

  it('an audiovisual record not used as evidence is kept 3 years (金普, 004 第二十九条)', async () => {
    const caseId = await sys.filedCase('jp');
    const r = await sys.call('POST', `/api/v1/cases/${caseId}/av-records`, {
      token: await token('jp.officer1'),
      body: { title: '巡查照片', recordedAt: '2026-11-20T10:00:00+08:00', method: 'photo', usedAsEvidence: false, metadata: { place_marker: '码头' } },
    });
    expect(r.status).toBe(201);
    // 2026-11-20 + 36 months = 2029-11-20 (a Tuesday; 2029 has no schedule loaded, weekends only).
    expect(r.body.retentionUntil).toBe('2029-11-20');
  });

  it('a correction is a new record that points to the one it corrects; the original stays', async () => {
    const caseId = await sys.filedCase('xlt');
    const body = {
      kind: 'appraisal_opinion', title: '鉴定意见书', recordedAt: new Date().toISOString(), content: '鉴定结论：……',
      officers: [], signatures: { partySigned: true },
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
    expect(list.body.map((e: any) => [e.id, e.corrects])).toEqual([[first.body.id, null], [fixed.body.id, first.body.id]]);
  });
});

describe('who may store a file', () => {
  it('only the producer stores the file of their audiovisual record, refused before the body is read', async () => {
    const caseId = await sys.filedCase('jp');
    const av = await sys.call('POST', `/api/v1/cases/${caseId}/av-records`, {
      token: await token('jp.officer1'),
      body: { title: '照片', recordedAt: new Date().toISOString(), method: 'photo', usedAsEvidence: false, metadata: { place_marker: '码头' } },
    });
    const res = await fetch(`${sys.baseUrl}/api/v1/cases/${caseId}/av-records/${av.body.id}/file`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await token('jp.officer2')}`, 'content-type': 'image/jpeg' },
      body: Buffer.from('不是制作人上传的文件'),
    });
    expect(res.status).toBe(403);
    // officer2 does not handle the case and no record names them: the permission matrix refuses first.
    expect(((await res.json()) as any).code).toBe('AUTH_ROLE_FORBIDDEN');
  });
});

describe('records dated before the case or in the future', () => {
  const written = async (caseId: string, recordedAt: string) =>
    sys.call('POST', `/api/v1/cases/${caseId}/records`, {
      token: await token('xlt.officer1'),
      body: {
        kind: 'appraisal_opinion', title: '检查时的鉴定意见书', recordedAt, content: '鉴定结论……',
        officers: [await sys.officer('xlt.officer1'), await sys.officer('xlt.officer2')], signatures: { partySigned: true },
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
        title: '询问录像', recordedAt: now, activityEndedAt: now, method: 'video', usedAsEvidence: true, atSea: true,
        metadata: {
          producer: '张执法', extractor: '张执法', extracted_at: now, place_marker: '大连湾禁渔区3号浮标', sea_coordinates: 'N38°55′ E121°38′',
          ship_name_number: '辽大渔54321', audio_transcript: '当事人陈述其患有某种疾病', fact_proven: '当事人于禁渔期捕捞',
        },
      },
    });
    expect(av.status).toBe(201);
    const avId = av.body.id;
    const bytes = Buffer.from('涉及隐私的询问录像'.repeat(100));
    const sha = createHash('sha256').update(bytes).digest('hex');
    const put = await fetch(`${sys.baseUrl}/api/v1/cases/${caseId}/av-records/${avId}/file`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${sys.tokenOf('jp.officer1')}`, 'content-type': 'video/mp4' },
      body: bytes,
    });
    expect(put.status).toBe(200);
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
      expect(entryOf(outsider)).toMatchObject({ kind: 'audiovisual', title: '询问录像', storage: null, metadata: null, confidentiality: ['privacy'], redacted: '内容涉及个人隐私，已隐去' });
      for (const secret of ['当事人陈述其患有某种疾病', '当事人于禁渔期捕捞', sha]) expect(JSON.stringify(outsider.body)).not.toContain(secret);
    }
    // The handling unit reads it whole, three times: one line in the record for the day.
    for (let i = 0; i < 3; i++) {
      const colleague = await sys.call('GET', `/api/v1/cases/${caseId}/case-file`, { token: await token('jp.officer2') });
      expect(entryOf(colleague)).toMatchObject({ storage: { sha256: sha }, metadata: { audio_transcript: '当事人陈述其患有某种疾病' }, confidentiality: ['privacy'] });
      expect(entryOf(colleague).redacted).toBeUndefined();
    }
    const record = await sys.call('GET', `/api/v1/cases/${caseId}/record?pageSize=100`, { token: await token('jp.chief') });
    const reads = record.body.items.filter((e: any) => e.action === 'record_read');
    const [{ id: colleagueId }] = await sys.database.db.query(`SELECT id FROM users WHERE username = 'jp.officer2'`);
    expect(reads.map((e: any) => e.actor.id)).toEqual([colleagueId]); // the outsider saw nothing, so read nothing
    expect(reads[0].summary).toContain('询问录像');
  });
});
