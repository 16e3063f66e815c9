import { randomUUID } from 'node:crypto';
import { Actor } from '#libs/domain/roles';
import { caseStateQuery, completeTaskUpdate } from '#libs/messages/tasks';
import { takeMeasureUpdate } from '#libs/messages/investigation';
import { escalated, escalationsOf } from '../support/database';
import { DAY, Handle, profile, startCase } from '../support/measures';
import { TimeSkipping, startTimeSkipping } from '../support/time-skipping';
import { staffOf } from '../support/review';

// A coercive measure taken on the spot in an emergency: the chief's approval within 24 hours, the
// measure lifted at once when refused (行政强制法 19).
let ts: TimeSkipping;
const db = () => ts.database.db;
let officer: Actor;
let chief: Actor;

beforeAll(async () => {
  ts = await startTimeSkipping('emergency-measure-tests');
  ({ officer, chief } = await staffOf(db(), 'hy', profile.id));
});
afterAll(async () => {
  await ts?.stop();
});

describe('a measure taken on the spot in an emergency (行政强制法 19)', () => {
  async function emergencySeize(handle: Handle) {
    const rule = profile.investigation.sealSeize;
    return handle.executeUpdate(takeMeasureUpdate, {
      args: [
        {
          measureId: randomUUID(),
          kind: 'seal',
          object: '违法施工现场',
          takenAt: await ts.now(),
          recordId: null,
          by: officer,
          period: rule.period,
          extension: rule.extension.period,
          legalBasis: '行政强制法第二十五条',
          extensionBasis: '第二十五条第二款',
          emergency: { period: profile.investigation.emergencyMeasure.period, legalBasis: '行政强制法第十九条' },
        },
      ],
    });
  }

  it('escalates when the chief has not approved within 24 hours, and not before', async () => {
    const { caseId, handle } = await startCase(ts, officer);
    const taken = await emergencySeize(handle);
    const task = (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'measure_approval')!;
    expect(Date.parse(task.dueAt!) - Date.parse(taken.takenAt)).toBe(DAY);
    await ts.env.sleep('23 hours');
    expect(await escalationsOf(db(), caseId)).toHaveLength(0);
    await ts.env.sleep('2 hours');
    const [esc] = await escalated(db(), caseId);
    expect(esc.kind).toBe('measure_approval_overdue');
  });

  it('the chief’s refusal lifts the measure at once', async () => {
    const { handle } = await startCase(ts, officer);
    const taken = await emergencySeize(handle);
    const task = (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'measure_approval')!;
    await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, by: chief, decision: 'reject', opinion: '不应采取' }] });
    const [row] = await db().query('SELECT status, decision FROM coercive_measures WHERE id = $1', [taken.id]);
    expect(row).toEqual({ status: 'decided', decision: 'release' });
  });
});
