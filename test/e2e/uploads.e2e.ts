import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '../support/database';
import { TestSystem } from '../support/system';

// An upload is streamed to a temporary file and moved into place only once the
// workflow accepted it; every refusal leaves no bytes under the storage folder. Content-Type is
// checked against the audiovisual list; the supervisor sees the storage the agency uses.
let sys: TestSystem;
const token = (u: string) => sys.token(u);

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const stored = (b: Buffer) => existsSync(join(sys.env.storageDir, 'sha256', sha(b).slice(0, 2), sha(b)));
const inFlight = () => (existsSync(join(sys.env.storageDir, 'tmp')) ? readdirSync(join(sys.env.storageDir, 'tmp')) : []);
let n = 0;
const unique = (label: string) => Buffer.from(`${label}（${++n}，${Date.now()}）`.repeat(2000));

async function avRecord(caseId: string): Promise<string> {
  const r = await sys.call('POST', `/api/v1/cases/${caseId}/av-records`, {
    token: await token('jp.officer1'),
    body: {
      title: '现场照片',
      recordedAt: new Date().toISOString(),
      method: 'photo',
      usedAsEvidence: false,
      metadata: { place_marker: '码头' },
    },
  });
  expect(r.status).toBe(201);
  return r.body.id;
}

const put = (caseId: string, recordId: string, body: Buffer, headers: Record<string, string> = {}) =>
  sys.storeFile(caseId, recordId, body, { user: 'jp.officer1', type: 'image/jpeg', headers });

it('refuses a file already stored for the record with another content, keeping none of its bytes', async () => {
  const caseId = await sys.filedCase('jp');
  const id = await avRecord(caseId);
  const [first, second] = [unique('第一张'), unique('另一张')];
  expect((await put(caseId, id, first)).status).toBe(200);
  expect(await put(caseId, id, second)).toMatchObject({ status: 409, body: { code: 'AV_ALREADY_STORED' } });
  expect(stored(first)).toBe(true);
  expect(stored(second)).toBe(false);
  expect(inFlight()).toEqual([]);
  // The same file again is answered as before.
  expect(await put(caseId, id, first)).toMatchObject({ status: 200, body: { upload: { sha256: sha(first) } } });
});

it('of parallel uploads of different files, one wins and only its bytes are kept', async () => {
  const caseId = await sys.filedCase('jp');
  const id = await avRecord(caseId);
  const files = [unique('并发一'), unique('并发二'), unique('并发三'), unique('并发四')];
  const answers = await Promise.all(files.map((f) => put(caseId, id, f)));
  const won = answers.flatMap((a, i) => (a.status === 200 ? [files[i]] : []));
  expect(won).toHaveLength(1);
  for (const a of answers.filter((x) => x.status !== 200)) {
    expect(a.status).toBe(409);
    expect(['TASK_NOT_OPEN', 'AV_ALREADY_STORED']).toContain(a.body.code);
  }
  expect(files.map(stored)).toEqual(files.map((f) => f === won[0]));
  expect(inFlight()).toEqual([]);
});

it('refuses a file whose Content-Digest does not match, keeping nothing; a matching one is stored', async () => {
  const caseId = await sys.filedCase('jp');
  const id = await avRecord(caseId);
  const file = unique('摘要');
  const digestOf = (b: Buffer) => `sha-256=:${createHash('sha256').update(b).digest('base64')}:`;
  expect(await put(caseId, id, file, { 'content-digest': digestOf(unique('别的')) })).toMatchObject({
    status: 400,
    body: { code: 'AV_DIGEST_MISMATCH', errors: [{ field: 'Content-Digest', code: 'AV_DIGEST_MISMATCH' }] },
  });
  expect(await put(caseId, id, file, { 'content-digest': 'md5=:AAAA:' })).toMatchObject({
    status: 400,
    body: { errors: [{ field: 'Content-Digest' }] },
  });
  expect(stored(file)).toBe(false);
  expect(inFlight()).toEqual([]);
  expect((await put(caseId, id, file, { 'content-digest': digestOf(file) })).status).toBe(200);
  expect(stored(file)).toBe(true);
});

it('refuses a media type that is not audiovisual, naming the header, before reading the body', async () => {
  const caseId = await sys.filedCase('jp');
  const id = await avRecord(caseId);
  const file = unique('网页');
  for (const type of ['text/html', 'application/x-sh', `video/${'x'.repeat(5000)}`]) {
    expect(await put(caseId, id, file, { 'content-type': type })).toMatchObject({
      status: 415,
      body: { code: 'AV_MEDIA_TYPE_NOT_ALLOWED', errors: [{ field: 'Content-Type', code: 'AV_MEDIA_TYPE_NOT_ALLOWED' }] },
    });
  }
  expect(stored(file)).toBe(false);
  const ok = await put(caseId, id, file, { 'content-type': 'Image/JPEG; q=1' });
  expect(ok).toMatchObject({ status: 200, body: { upload: { sha256: sha(file) } } });
  const [row] = await sys.database.db.query('SELECT media_type FROM av_files WHERE record_id = $1', [id]);
  expect(row.media_type).toBe('image/jpeg');
});

it('refuses an upload while the case is suspended, keeping nothing', async () => {
  const caseId = await sys.filedCase('jp');
  const id = await avRecord(caseId);
  await sys.call('POST', `/api/v1/cases/${caseId}/operations`, {
    token: await token('jp.officer1'),
    body: { kind: 'suspension', reason: '等待鉴定' },
  });
  const chief = await token('jp.chief');
  const task = await eventually(
    async () => (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}&kind=case_operation_approval`, { token: chief })).body.items[0],
  );
  expect(
    (await sys.call('POST', `/api/v1/tasks/${task.id}/completion`, { token: chief, body: { decision: 'approve', opinion: '同意' } }))
      .status,
  ).toBe(200);
  await eventually(async () =>
    (await sys.call('GET', `/api/v1/cases/${caseId}`, { token: await token('jp.officer1') })).body.clock.stopped ? true : undefined,
  );
  const file = unique('中止');
  expect(await put(caseId, id, file)).toMatchObject({ status: 409, body: { code: 'CASE_SUSPENDED' } });
  expect(stored(file)).toBe(false);
  expect(inFlight()).toEqual([]);
});

it("shows the supervisor the storage the agency's records use, each content once", async () => {
  const stats = async (u: string) => (await sys.call('GET', '/api/v1/supervision/stats', { token: await token(u) })).body.storage;
  const [{ agency }] = await sys.database.db.query(
    'SELECT c.agency_id AS agency FROM cases c JOIN users u ON u.id = c.handling_officer_id WHERE u.username = $1 LIMIT 1',
    ['jp.officer1'],
  );
  const [{ files, bytes }] = await sys.database.db.query(
    `SELECT count(*)::int AS files, sum(size)::int AS bytes FROM (SELECT DISTINCT f.sha256, f.size FROM av_files f
       JOIN evidence_records e ON e.id = f.record_id JOIN cases c ON c.id = e.case_id WHERE c.agency_id = $1) s`,
    [agency],
  );
  expect(files).toBeGreaterThanOrEqual(4);
  expect(await stats('jp.supervisor')).toEqual({ files, bytes });
  expect(await stats('xlt.supervisor')).toEqual({ files: 0, bytes: 0 });
});
