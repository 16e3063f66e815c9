import { Actor } from '#libs/domain/roles';
import { caseStateQuery, completeTaskUpdate } from '#libs/messages/tasks';
import { AddEvidenceCommand, addEvidenceUpdate } from '#libs/messages/investigation';
import { escalated, escalationsOf } from '../support/database';
import { TimeSkipping, startInvestigation, startTimeSkipping } from '../support/time-skipping';
import { staffOf } from '../support/review';
import { evidenceRecord } from '../support/evidence-record';

// An audiovisual record must be stored within the profile's period (004 第二十七条(五):
// 24 hours after the activity); a late upload is escalated to the unit head and recorded.
let ts: TimeSkipping;
const db = () => ts.database.db;
let officer: Actor;

beforeAll(async () => {
  ts = await startTimeSkipping('investigation-tests');
  ({ officer } = await staffOf(db(), 'jp', 'jinpu-ocean'));
});
afterAll(async () => {
  await ts?.stop();
});

async function startCase() {
  const { caseId, handle, profile } = await startInvestigation(ts, 'jinpu-ocean', officer.id);
  const now = await ts.now();
  const rule = profile.investigation.audiovisual.upload;
  const cmd: AddEvidenceCommand = {
    record: evidenceRecord({
      caseId,
      category: 'audiovisual',
      kind: 'video',
      title: '现场检查录像',
      producerId: officer.id,
      metadata: { place_marker: '3号浮标' },
      usedAsEvidence: false,
      recordedAt: now,
    }),
    by: officer,
    summary: '制作音像记录',
    upload: { from: now, period: rule.period, legalBasis: '金普 第二十七条' },
  };
  const added = await handle.executeUpdate(addEvidenceUpdate, { args: [cmd] });
  return { handle, caseId, added, from: Date.parse(now), recordId: cmd.record.id };
}

it('a late upload escalates to the unit head at 24 hours and not before', async () => {
  const { handle, caseId, added, from } = await startCase();
  expect(Date.parse(added.uploadTask!.dueAt) - from).toBe(24 * 3600 * 1000);
  await ts.env.sleep('23 hours');
  expect(await escalationsOf(db(), caseId)).toHaveLength(0);
  await ts.env.sleep('2 hours');
  const [esc] = await escalated(db(), caseId);
  expect(esc.kind).toBe('av_upload_overdue');
  expect(esc.must_act).toEqual([{ role: 'unit_head' }, { role: 'officer', userId: officer.id }]);

  // Stored late: taken, and the record says so.
  const taskId = (await handle.query(caseStateQuery)).openTasks[0].id;
  const file = { sha256: 'a'.repeat(64), size: 10, mediaType: 'video/mp4' };
  await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, by: officer, decision: 'uploaded', opinion: '补传', file }] });
  const [stored] = await db().query('SELECT on_time FROM av_files f JOIN evidence_records r ON r.id = f.record_id WHERE r.case_id = $1', [
    caseId,
  ]);
  expect(stored.on_time).toBe(false);
  const [line] = await db().query(`SELECT summary FROM case_records WHERE case_id = $1 AND action = 'av_file_stored'`, [caseId]);
  expect(line.summary).toContain('逾期');
});

it('an upload in time is recorded as on time and nothing escalates', async () => {
  const { handle, caseId } = await startCase();
  await ts.env.sleep('3 hours');
  const taskId = (await handle.query(caseStateQuery)).openTasks[0].id;
  const file = { sha256: 'b'.repeat(64), size: 10, mediaType: 'video/mp4' };
  await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, by: officer, decision: 'uploaded', opinion: '上传', file }] });
  await ts.env.sleep('2 days');
  expect(await escalationsOf(db(), caseId)).toHaveLength(0);
  const [stored] = await db().query('SELECT on_time FROM av_files f JOIN evidence_records r ON r.id = f.record_id WHERE r.case_id = $1', [
    caseId,
  ]);
  expect(stored.on_time).toBe(true);
});

it('an upload task cannot be completed without a file', async () => {
  const { handle } = await startCase();
  const taskId = (await handle.query(caseStateQuery)).openTasks[0].id;
  await expect(
    handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, by: officer, decision: 'uploaded', opinion: '没有文件' }] }),
  ).rejects.toMatchObject({ cause: { type: 'TASK_NEEDS_UPLOAD' } });
});
