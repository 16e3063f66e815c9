import { Body, Controller, Get, Param, PipeTransform, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor } from '../auth/auth.decorators';
import { ApiException } from '../common/api.exception';
import { PageQuery } from '../common/paging';
import { DueQuery, YearScheduleDto } from './calendar.dto';
import { CalendarDueResponse, YearInForcePage, YearLoadedResponse, YearVersionResponse } from './calendar.response';
import { CalendarService } from './calendar.service';

/** A year in the path: an integer within the years a schedule may be loaded for (YearScheduleDto). */
const yearPipe: PipeTransform<string, number> = {
  transform(value: string) {
    if (!/^-?\d+$/.test(value))
      throw new ApiException('VALIDATION_FAILED', [{ field: 'year', code: 'NOT_INTEGER', message: '年度必须是整数' }]);
    const year = Number(value);
    if (year < 2000 || year > 2100)
      throw new ApiException('VALIDATION_FAILED', [{ field: 'year', code: 'OUT_OF_RANGE', message: '年度超出允许范围（2000 至 2100）' }]);
    return year;
  },
};

@ApiTags('calendar 工作日历与期限')
@ApiBearerAuth()
@Controller('v1/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** When a period ends: `from` a China date or an instant, `amount` of `unit` (hour, day, workday, month). */
  @Get('due')
  @ApiOkResponse({ type: CalendarDueResponse })
  due(@Query() q: DueQuery) {
    return this.calendar.due(q);
  }

  @Get('years')
  @ApiOkResponse({ type: YearInForcePage })
  years(@Query() q: PageQuery) {
    return this.calendar.years(q);
  }

  @Get('years/:year')
  @ApiOkResponse({ type: YearVersionResponse, isArray: true, description: '该年度的各版本，新的在前，随系统发布的版本（0）在最后' })
  year(@Param('year', yearPipe) year: number) {
    return this.calendar.year(year);
  }

  @Put('years/:year')
  @ApiOkResponse({ type: YearLoadedResponse })
  @Act('calendar.load')
  load(@CurrentActor() actor: Actor, @Param('year', yearPipe) year: number, @Body() dto: YearScheduleDto, @Req() req: Request) {
    return this.calendar.load(actor, year, dto, req);
  }
}
