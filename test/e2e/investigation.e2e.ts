import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Reply, TestSystem } from '../support/system';

// Over HTTP: an inspection recorded with its audiovisual record and file; the two-officer
// gate; the mandatory audiovisual duty; evidence preservation; who may store a file.
let sys: TestSystem;
const token = (u: string) => sys.token(u);

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

describe('an inspection at sea (金普新区海洋发展局, 004 第十二、十五、二十七、二十九条)', () => {
  const now = new Date();
  const bytes = Buffer.from('执法记录仪视频（测试内容）'.repeat(1000));
  const sha = createHash('sha256').update(bytes).digest('hex');
  let caseId: string;
  // The inspection as it happened, set up once: the recording, its file, then the transcript citing it.
  let recorded: Reply;
  let stored: Reply;
  let transcript: Reply;
  const avId = () => recorded.body.id as string;
  const inspectionTranscript = async (body: Record<string, unknown>) =>
    sys.call('POST', `/api/v1/cases/${caseId}/records`, {
      token: await token('jp.officer1'),
      body: { kind: 'on_site_inspection_transcript', title: '现场检查笔录', recordedAt: now.toISOString(), content: '检查情况……', ...body },
    });

  beforeAll(async () => {
    caseId = await sys.filedCase('jp');
    recorded = await sys.call('POST', `/api/v1/cases/${caseId}/av-records`, {
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
    stored = await sys.storeFile(caseId, avId(), bytes, { user: 'jp.officer1', type: 'video/mp4' });
    transcript = await inspectionTranscript({
      place: '大连湾禁渔区',
      officers: [await sys.officer('jp.officer1'), await sys.officer('jp.officer2')],
      signatures: { partySigned: false, refusalReason: '当事人拒绝签字', witness: '船员赵六' },
      avRecordIds: [avId()],
    });
  });

  it('an audiovisual record needs the metadata the profile lists', async () => {
    const r = await sys.call('POST', `/api/v1/cases/${caseId}/av-records`, {
      token: await token('jp.officer1'),
      body: {
        title: '现场检查录像',
        recordedAt: now.toISOString(),
        method: 'video',
        usedAsEvidence: true,
        atSea: true,
        metadata: { producer: '张执法' },
      },
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('RECORD_INVALID');
    const fields = r.body.errors.map((e: any) => e.field).sort();
    expect(fields).toEqual([
      'metadata.extracted_at',
      'metadata.extractor',
      'metadata.place_marker',
      'metadata.sea_coordinates',
      'metadata.ship_name_number',
    ]);
    expect(r.body.errors.find((e: any) => e.field === 'metadata.ship_name_number').message).toBe('须记录被调查船只船名船号');
  });

  it('records the audiovisual record with an upload due 24 hours after the activity ended', () => {
    expect(recorded.status).toBe(201);
    expect(Date.parse(recorded.body.upload.dueAt) - now.getTime()).toBe(24 * 3600 * 1000);
    expect(recorded.body.retentionUntil).toBeNull(); // evidence: kept with the case file (第二十九条)
  });

  it('stores the file by its SHA-256 outside the database; the same file again is harmless, another is refused', async () => {
    expect(stored.status).toBe(200);
    expect(stored.body.upload).toMatchObject({ sha256: sha, size: bytes.length, onTime: true });
    expect(existsSync(join(sys.env.storageDir, 'sha256', sha.slice(0, 2), sha))).toBe(true);
    expect((await sys.storeFile(caseId, avId(), bytes, { user: 'jp.officer1', type: 'video/mp4' })).status).toBe(200);
    const other = await sys.storeFile(caseId, avId(), Buffer.from('另一个文件'), { user: 'jp.officer1', type: 'video/mp4' });
    expect(other).toMatchObject({ status: 409, body: { code: 'AV_ALREADY_STORED' } });
  });

  it('a record missing the second officer gets a field error in Chinese', async () => {
    const r = await inspectionTranscript({
      officers: [await sys.officer('jp.officer1')],
      signatures: { partySigned: true },
      avRecordIds: [avId()],
    });
    expect(r.status).toBe(400);
    expect(r.body.errors).toContainEqual({
      field: 'officers',
      code: 'OFFICERS_TOO_FEW',
      message: '现场检查（勘验）笔录须载明至少2名持有执法证件的执法人员',
    });
  });

  it('refuses a certificate that is not the officer’s, and an inspection without AV or a written reason', async () => {
    const wrong = { ...(await sys.officer('jp.officer2')), certificateNo: 'JP-ZF-99999' };
    const r = await inspectionTranscript({
      officers: [await sys.officer('jp.officer1'), wrong],
      signatures: { partySigned: false, refusalReason: '拒绝签字', witness: '赵六' },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: any) => `${e.field}:${e.code}`)).toEqual([
      'avOmissionReason:AV_REASON_REQUIRED',
      'officers[1].certificateNo:CERTIFICATE_INVALID',
    ]);
  });

  it('takes the inspection transcript with two certified officers and its audiovisual record', () => {
    expect(transcript.status).toBe(201);
    expect(transcript.body).toMatchObject({ kind: 'on_site_inspection_transcript', avVerdict: 'recorded' });
  });

  it('the timeline shows the records in order, with the upload due time and whether it was on time', async () => {
    const r = await sys.call('GET', `/api/v1/cases/${caseId}/record?pageSize=100`, { token: await token('jp.chief') });
    const steps = r.body.items.filter((e: any) => e.action !== 'document_generated');
    expect(steps.slice(-3).map((e: any) => e.action)).toEqual(['evidence_recorded', 'av_file_stored', 'evidence_recorded']);
    const [av, file, written] = steps.slice(-3);
    // The transcript's 现场检查（勘验）笔录 is named after its entry (rendered once the step was answered).
    const made = r.body.items.find((e: any) => e.action === 'document_generated' && e.details.kind === 'on_site_inspection_transcript');
    expect(made.seq).toBeGreaterThan(written.seq);
    expect(av.summary).toContain('须于');
    expect(av.details.uploadDueAt).toBeDefined();
    expect(file.summary).toContain('按期');
    expect(file.details.onTime).toBe(true);
    expect(written.summary).toContain('现场检查（勘验）笔录');
    const evidence = await sys.call('GET', `/api/v1/cases/${caseId}/evidence`, { token: await token('jp.chief') });
    expect(evidence.body.items.map((e: any) => e.kind)).toEqual(['video', 'on_site_inspection_transcript']);
  });
});

describe('a mandatory audiovisual record not made (新乡镇, 001 第十一条)', () => {
  it('keeps the inquiry transcript and flags a defect on the case', async () => {
    const caseId = await sys.filedCase('xx');
    const r = await sys.partyInquiry(caseId, 'xx', { rights: ['statement', 'defence', 'hearing'], method: '口头告知并记入笔录' });
    expect(r.status).toBe(201);
    expect(r.body.avVerdict).toBe('defect');
    const defects = await sys.call('GET', `/api/v1/cases/${caseId}/defects`, { token: await token('xx.supervisor') });
    expect(defects.body.items).toHaveLength(1);
    expect(defects.body.items[0]).toMatchObject({ kind: 'av_missing', recordId: r.body.id });
    expect(defects.body.items[0].legalBasis).toContain('第十一条');
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

describe('who may store a file', () => {
  it('only the producer stores the file of their audiovisual record, refused before the body is read', async () => {
    const caseId = await sys.filedCase('jp');
    const av = await sys.call('POST', `/api/v1/cases/${caseId}/av-records`, {
      token: await token('jp.officer1'),
      body: {
        title: '照片',
        recordedAt: new Date().toISOString(),
        method: 'photo',
        usedAsEvidence: false,
        metadata: { place_marker: '码头' },
      },
    });
    const res = await sys.storeFile(caseId, av.body.id, Buffer.from('不是制作人上传的文件'), { user: 'jp.officer2', type: 'image/jpeg' });
    expect(res.status).toBe(403);
    // officer2 does not handle the case and no record names them: the permission matrix refuses first.
    expect(res.body.code).toBe('AUTH_ROLE_FORBIDDEN');
  });
});
