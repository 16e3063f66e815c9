import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EvidenceRecordEntity } from '#libs/persistence/entities/evidence.entity';
import { CasesModule } from '../cases/cases.module';
import { DecisionController } from './decision.controller';
import { DecisionService } from './decision.service';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';

@Module({
  imports: [TypeOrmModule.forFeature([EvidenceRecordEntity]), CasesModule],
  controllers: [DecisionController, ReviewController],
  providers: [DecisionService, ReviewService],
})
export class DecisionModule {}
