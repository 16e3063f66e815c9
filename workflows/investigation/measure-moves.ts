import { patched } from '@temporalio/workflow';
import { DueTime } from '#libs/domain/deadlines';
import { RecordEntryInput } from '#libs/domain/record';
import { MEASURE_LABELS, MeasureView, TakeMeasureCommand } from '#libs/messages/investigation';
import { TaskBoard } from '../tasks/board';
import { describeMoves, hasMoved, movesDetails } from '../tasks/deadline-moves';

type Entry = Omit<RecordEntryInput, 'caseId'>;

/** A measure's end in the shape of every deadline; none while a testing pause stops its clock. */
export function dueOf(v: MeasureView): DueTime | undefined {
  return v.dueAt ? { dueAt: v.dueAt, complete: v.complete, missingYears: v.missingYears ?? [] } : undefined;
}

/**
 * The record line for a measure's end computed again after a year's schedule arrived (行政强制法
 * 25: the end that stayed on a day the schedule made a holiday moves to the next working day),
 * old and new; given the end before, called once the view holds the new one. Added after cases existed.
 */
export function measureMovedLine(
  board: TaskBoard,
  cmd: TakeMeasureCommand,
  view: MeasureView,
): ((before?: DueTime) => Entry | undefined) | undefined {
  if (!patched('estimates-rearm')) return undefined;
  return (before) => {
    const after = dueOf(view);
    if (!after || !hasMoved(before, after)) return undefined;
    const schedule = board.deadlines.lastArrived;
    const moves = [{ kind: 'measure_end' as const, label: `${MEASURE_LABELS[cmd.kind]}（${cmd.object}）`, before, after }];
    return {
      key: `measure-recomputed:${view.id}:${board.deadlines.clockVersion}`,
      actor: null,
      action: 'deadline_recomputed',
      summary: describeMoves(moves, schedule),
      legalBasis: schedule && `${schedule.source.title}（${schedule.source.documentNumber}）`,
      details: { measureId: view.id, ...movesDetails(moves, schedule) },
    };
  };
}
