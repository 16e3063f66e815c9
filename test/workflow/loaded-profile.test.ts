import { randomUUID } from 'node:crypto';
import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { computeDue } from '#libs/calendar/period';
import { workflowIdForArchive } from '#libs/messages/archiving';
import { caseStateQuery } from '#libs/messages/tasks';
import { AgencyProfile, profileFieldErrors } from '#libs/profiles/index';
import { AgencyProfilesRepository } from '#libs/persistence/repositories/agency-profiles.repository';
import { UnitsRepository } from '#libs/persistence/repositories/units.repository';
import { UsersRepository } from '#libs/persistence/repositories/users.repository';
import { demoStaff } from '#api/auth/demo-users';
import { ProfileRegistry } from '#api/profiles/profile-registry';
import type { archiveWorkflow } from '#workflows/archiving/workflows';
import { escalated, escalationsOf, eventually, userId } from '../support/database';
import { SIXTH, sixthAgencyProfile } from '../support/onboarding';
import { staffOf } from '../support/review';
import { TimeSkipping, startTimeSkipping } from '../support/time-skipping';

// A profile loaded at run time reaches the workflows exactly as a built-in one does: the case pins
// (agency, version), the registry answers that version from the store, and its figures drive the timers.
// The sixth agency's archive period is 15 days; 兴隆台's (000 第二十三条) stays 30.
let ts: TimeSkipping;
const db = () => ts.database.db;
const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);

beforeAll(async () => {
  ts = await startTimeSkipping('loaded-profile-tests');
  // Loaded as the administrator's PUT stores it, then staffed as the demo agencies are.
  const profile = profileFieldErrors(sixthAgencyProfile()).profile!;
  expect(await new AgencyProfilesRepository(db()).add(profile, await userId(db(), 'sys.admin'))).toBeNull();
  const staff = demoStaff(SIXTH, 5);
  await new UnitsRepository(db()).addIfAbsent(staff.map((u) => ({ agencyId: u.agencyId, name: u.unit })));
  await new UsersRepository(db()).addIfAbsent(staff.map((u) => ({ ...u, passwordHash: 'x' })));
});
afterAll(async () => {
  await ts?.stop();
});

/** A case of the agency that ended now, pinned to `profile`, with its archive workflow started from the pinned rules. */
async function endedCase(profile: AgencyProfile, officerId: string) {
  const caseId = randomUUID();
  await db().query(
    `INSERT INTO cases (id, agency_id, profile_version, source, emergency, status, stage, handling_officer_id, form, workflow_id, started_at, updated_at)
     VALUES ($1, $2, $3, 'ex_officio', false, 'ended', 'archiving', $4, '{}', 'test', now(), now())`,
    [caseId, profile.id, profile.version, officerId],
  );
  const endedAt = await ts.now();
  const handle = await ts.env.client.workflow.start<typeof archiveWorkflow>('archiveWorkflow', {
    taskQueue: ts.taskQueue,
    workflowId: workflowIdForArchive(caseId),
    args: [
      {
        caseId,
        agencyId: profile.id,
        endedAt,
        profile: { regulationTitle: profile.regulation.title, archiving: profile.archiving },
        calendar: BUILT_IN_SCHEDULES,
      },
    ],
  });
  const task = await eventually(async () => (await handle.query(caseStateQuery)).openTasks[0]);
  return { caseId, endedAt, task };
}

it('a case under a loaded profile is archived within its 15 days; a built-in agency’s case keeps its 30', async () => {
  // Another API instance: a registry of its own reads the pinned versions from the store.
  const registry = new ProfileRegistry(new AgencyProfilesRepository(db()));
  await registry.onModuleInit();
  const loaded = (await registry.pinned(SIXTH.id, 1))!;
  const builtin = (await registry.pinned('xinglongtai-civil-affairs', 1))!;
  expect(loaded.archiving.deadline.period).toEqual({ amount: 15, unit: 'day' });

  const sixth = await endedCase(loaded, (await staffOf(db(), SIXTH.code, SIXTH.id)).officer.id);
  const xlt = await endedCase(builtin, (await staffOf(db(), 'xlt', builtin.id)).officer.id);
  const due15 = Date.parse(computeDue(calendar, sixth.endedAt, { amount: 15, unit: 'day' }).due!);
  const due30 = Date.parse(computeDue(calendar, xlt.endedAt, { amount: 30, unit: 'day' }).due!);
  expect(sixth.task).toMatchObject({ kind: 'archive_file', dueAt: new Date(due15).toISOString() });
  expect(xlt.task).toMatchObject({ kind: 'archive_file', dueAt: new Date(due30).toISOString() });

  // The loaded agency's file is late after 15 days; the built-in one's is not, until its 30 have run.
  await ts.skipTo(due15 + 60_000);
  expect(await escalated(db(), sixth.caseId)).toMatchObject([{ kind: 'archive_overdue' }]);
  expect(await escalationsOf(db(), xlt.caseId)).toEqual([]);
  await ts.skipTo(due30 + 60_000);
  expect(await escalated(db(), xlt.caseId)).toMatchObject([{ kind: 'archive_overdue' }]);
});
