import { Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { computeDue, parsePause } from '#libs/calendar/period';
import { YearSchedule, validateSchedule } from '#libs/calendar/schedule';
import { Actor } from '#libs/domain/roles';
import { calendarUpdatedSignal } from '#libs/messages/calendar';
import { workflowsToRearm } from '#libs/persistence/estimated-deadlines';
import { AuditService } from '../audit/audit.service';
import { ApiException } from '../common/api.exception';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import { DueQuery, YearScheduleDto } from './calendar.dto';
import { CalendarStore } from './calendar.store';

@Injectable()
export class CalendarService {
  private readonly log = new Logger('CalendarService');

  constructor(
    private readonly store: CalendarStore,
    private readonly db: DataSource,
    private readonly workflows: CaseWorkflowsClient,
    private readonly audit: AuditService,
  ) {}

  async due(q: DueQuery) {
    const calendar = await this.store.calendar();
    return { ...computeDue(calendar, q.from, { amount: q.amount, unit: q.unit }, (q.pause ?? []).map(parsePause)), calendarYears: calendar.years() };
  }

  async years() {
    return (await this.store.current()).map(({ schedule, ...v }) => ({ ...v, source: schedule.source }));
  }

  async year(year: number) {
    return this.store.versions(year);
  }

  /**
   * Loads a year: validated (every date once, make-up days on weekends, all seven holidays),
   * stored as a new version, audited; then every running case whose deadlines were estimates for
   * that year is told, and its workflow recomputes them.
   */
  async load(actor: Actor, year: number, dto: YearScheduleDto, req: Request) {
    const schedule: YearSchedule = JSON.parse(JSON.stringify(dto));
    const problems: { path: string; code: string; message: string }[] = validateSchedule(schedule);
    if (year !== dto.year) problems.unshift({ path: 'year', code: 'YEAR_MISMATCH', message: '请求路径中的年度与安排中的年度不一致' });
    if (problems.length) {
      throw new ApiException('CALENDAR_INVALID', problems.map((p) => ({ field: p.path, code: p.code, message: p.message })));
    }
    const version = await this.store.add(schedule, actor.id);
    await this.audit.changed(actor, `calendar_year_loaded ${year} v${version}`, req);
    const workflows = await this.rearm(schedule);
    return { year, version, rearmedWorkflows: workflows };
  }

  private async rearm(schedule: YearSchedule): Promise<number> {
    // Every running workflow holding a deadline estimated for that year: tasks, case deadlines, measures, services, executions.
    let told = 0;
    for (const workflow_id of await workflowsToRearm(this.db, schedule.year)) {
      if (await this.workflows.signal(workflow_id, calendarUpdatedSignal, schedule)) told++;
      // A case that closed meanwhile has nothing left to recompute.
      else this.log.warn(`workflow ${workflow_id} closed before re-arming`);
    }
    return told;
  }
}
