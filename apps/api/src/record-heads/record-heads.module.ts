import { Module } from '@nestjs/common';
import { RecordHeadsController } from './record-heads.controller';
import { RecordHeadsService } from './record-heads.service';

@Module({ controllers: [RecordHeadsController], providers: [RecordHeadsService] })
export class RecordHeadsModule {}
