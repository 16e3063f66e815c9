import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';

@ApiTags('health 运行状态')
@Controller('health')
export class HealthController {
  constructor(private readonly db: DataSource, private readonly workflows: CaseWorkflowsClient) {}

  /** Both backing services answer: used by `npm run dev` and by container health checks. */
  @Public()
  @Get()
  async check() {
    await this.db.query('SELECT 1');
    await this.workflows.reachable();
    return { status: 'ok' };
  }
}
