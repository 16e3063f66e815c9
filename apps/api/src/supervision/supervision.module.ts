import { Module } from '@nestjs/common';
import { SupervisionController } from './supervision.controller';
import { SupervisionService } from './supervision.service';
import { ExpiringCertificatesService } from './certificates.service';

@Module({ controllers: [SupervisionController], providers: [SupervisionService, ExpiringCertificatesService] })
export class SupervisionModule {}
