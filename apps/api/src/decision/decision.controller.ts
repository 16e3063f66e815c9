import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../../libs/domain/roles';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { caseIdPipe } from '../cases/cases.controller';
import { DecisionExtensionDto } from './decision.dto';
import { DecisionService } from './decision.service';

@ApiTags('decision 审查决定')
@ApiBearerAuth()
@Controller('v1/cases/:id')
export class DecisionController {
  constructor(private readonly decision: DecisionService) {}

  /** Case-level deadlines: the decision deadline (行政处罚法 60) with its state. */
  @Get('deadlines')
  deadlines(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string) {
    return this.decision.list(actor, id);
  }

  /** Opens the chief's task to extend the decision deadline, where the profile allows it. */
  @Post('decision-deadline/extension-request')
  @Roles('officer')
  @HttpCode(200)
  extend(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: DecisionExtensionDto) {
    return this.decision.requestExtension(actor, id, dto);
  }
}
