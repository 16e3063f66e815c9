import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseDeadlineEntity } from '../../../../libs/persistence/entities/case-deadline.entity';
import { CasesModule } from '../cases/cases.module';
import { DecisionController } from './decision.controller';
import { DecisionService } from './decision.service';

@Module({
  imports: [TypeOrmModule.forFeature([CaseDeadlineEntity]), CasesModule],
  controllers: [DecisionController],
  providers: [DecisionService],
})
export class DecisionModule {}
