import { WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DraftDecision } from '#libs/domain/draft';
import { Actor, Role } from '#libs/domain/roles';
import { CompletionInput, TaskKind } from '#libs/domain/tasks';
import { caseStateQuery, completeTaskUpdate } from '#libs/messages/tasks';
import { eventually, userId } from './database';

/** The demo staff of one agency as actors, for workflow tests that complete tasks directly. */
export async function staffOf(db: DataSource, code: string, agencyId: string) {
  const actor = async (key: string, role: Role): Promise<Actor> => ({
    id: await userId(db, `${code}.${key}`),
    name: `${code}.${key}`,
    role,
    agencyId,
  });
  return {
    officer: await actor('officer1', 'officer'),
    unitHead: await actor('unithead', 'unit_head'),
    legal: await actor('legal', 'legal_reviewer'),
    chief: await actor('chief', 'chief'),
    archivist: await actor('archivist', 'archivist'),
  };
}

export const aDraft = (o: Partial<DraftDecision> = {}): DraftDecision => ({
  facts: '未取得施工许可证擅自施工',
  evidenceIds: [randomUUID()],
  legalBasis: '《建筑法》第六十四条',
  penalties: [{ kind: 'fine', amountYuan: 5000 }],
  opinion: '建议罚款五千元',
  factors: '初次违法，积极配合调查',
  ...o,
});

/** Completes the case's open task of this kind (waiting until it is open). */
export async function completeOpen(
  handle: WorkflowHandle,
  kind: TaskKind,
  by: Actor,
  input: Partial<CompletionInput> & { decision: string },
) {
  const task = await eventually(async () => (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === kind));
  return handle.executeUpdate(completeTaskUpdate, { args: [{ opinion: '同意', ...input, taskId: task.id, by }] });
}
