import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DecisionController } from './decision.controller';
import { DecisionService } from './decision.service';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';

@Module({
  imports: [CasesModule],
  controllers: [DecisionController, ReviewController],
  providers: [DecisionService, ReviewService],
})
export class DecisionModule {}
