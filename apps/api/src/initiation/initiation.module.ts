import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { InitiationController } from './initiation.controller';
import { InitiationService } from './initiation.service';

@Module({ imports: [CasesModule], controllers: [InitiationController], providers: [InitiationService] })
export class InitiationModule {}
