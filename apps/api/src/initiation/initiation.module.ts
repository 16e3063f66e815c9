import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { InitiationController } from './initiation.controller';
import { InitiationService } from './initiation.service';

@Module({ imports: [CasesModule, CalendarModule], controllers: [InitiationController], providers: [InitiationService] })
export class InitiationModule {}
