import { Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { computeDue, parsePause } from '#libs/calendar/period';
import { YearSchedule, validateSchedule } from '#libs/calendar/schedule';
import { Actor } from '#libs/domain/roles';
import { calendarUpdatedSignal } from '#libs/messages/calendar';
import { AuditService } from '../audit/audit.service';
import { ApiException } from '../common/api.exception';
import { PageQuery, pageOf, skipOf } from '../common/paging';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import { DueQuery, YearScheduleDto } from './calendar.dto';
import { toDueView, toYearInForceView, toYearVersionView } from './calendar.mapper';
import { CalendarDueResponse, YearInForcePage, YearLoadedResponse, YearVersionResponse } from './calendar.response';
import { CalendarStore } from './calendar.store';

@Injectable()
export class CalendarService {
  private readonly log = new Logger('CalendarService');

  constructor(
    private readonly store: CalendarStore,
    private readonly workflows: CaseWorkflowsClient,
    private readonly audit: AuditService,
  ) {}

  async due(q: DueQuery): Promise<CalendarDueResponse> {
    const calendar = await this.store.calendar();
    return toDueView(computeDue(calendar, q.from, { amount: q.amount, unit: q.unit }, (q.pause ?? []).map(parsePause)), calendar.years());
  }

  /** By year; the shipped years and the loaded ones are merged in memory (CalendarStore), so paged here. */
  async years(q: PageQuery): Promise<YearInForcePage> {
    const years = await this.store.current();
    return pageOf(years.slice(skipOf(q), skipOf(q) + q.pageSize).map(toYearInForceView), years.length, q);
  }

  async year(year: number): Promise<YearVersionResponse[]> {
    return (await this.store.versions(year)).map(toYearVersionView);
  }

  /**
   * Loads a year: validated (every date once, make-up days on weekends, all seven holidays),
   * stored as a new version, audited; then every running case whose deadlines were estimates for
   * that year is told, and its workflow recomputes them.
   */
  async load(actor: Actor, year: number, dto: YearScheduleDto, req: Request): Promise<YearLoadedResponse> {
    const schedule: YearSchedule = JSON.parse(JSON.stringify(dto));
    const problems: { path: string; code: string; message: string }[] = validateSchedule(schedule);
    if (year !== dto.year) problems.unshift({ path: 'year', code: 'YEAR_MISMATCH', message: '请求路径中的年度与安排中的年度不一致' });
    if (problems.length) {
      throw new ApiException(
        'CALENDAR_INVALID',
        problems.map((p) => ({ field: p.path, code: p.code, message: p.message })),
      );
    }
    const version = await this.store.add(schedule, actor.id);
    await this.audit.changed(actor, `calendar_year_loaded ${year} v${version}`, req);
    const workflows = await this.rearm(schedule);
    return { year, version, rearmedWorkflows: workflows };
  }

  private async rearm(schedule: YearSchedule): Promise<number> {
    // Every running workflow holding a deadline estimated for that year: tasks, case deadlines, measures, services, executions.
    let told = 0;
    for (const workflow_id of await this.store.workflowsEstimatedIn(schedule.year)) {
      if (await this.workflows.signal(workflow_id, calendarUpdatedSignal, schedule)) told++;
      // A case that closed meanwhile has nothing left to recompute.
      else this.log.warn(`workflow ${workflow_id} closed before re-arming`);
    }
    return told;
  }
}
