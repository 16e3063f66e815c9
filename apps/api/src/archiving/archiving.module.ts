import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArchiveEntity } from '#libs/persistence/entities/archive.entity';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { InvestigationModule } from '../investigation/investigation.module';
import { ArchivingController } from './archiving.controller';
import { ArchivingService } from './archiving.service';
import { CaseFileRepository } from './case-file.repository';

@Module({
  imports: [TypeOrmModule.forFeature([ArchiveEntity]), CasesModule, CalendarModule, InvestigationModule],
  controllers: [ArchivingController],
  providers: [ArchivingService, CaseFileRepository],
})
export class ArchivingModule {}
