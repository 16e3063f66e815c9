import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DatabaseHealth } from '#libs/persistence/repositories/health.repository';
import { Public } from '../auth/auth.decorators';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import { HealthResponse } from './health.response';

@ApiTags('health 运行状态')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DatabaseHealth,
    private readonly workflows: CaseWorkflowsClient,
  ) {}

  /** Both backing services answer: used by `npm run dev` and by container health checks. */
  @Public()
  @Get()
  @ApiOkResponse({ type: HealthResponse })
  async check(): Promise<HealthResponse> {
    await this.db.ping();
    await this.workflows.reachable();
    return { status: 'ok' };
  }
}
