import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Env } from '#libs/config/env';
import { dataSourceOptions } from '#libs/persistence/data-source';
import { IdempotencyInterceptor } from './common/idempotency.interceptor';
import { AdminModule } from './admin/admin.module';
import { ArchivingModule } from './archiving/archiving.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CaseOperationsModule } from './case-operations/case-operations.module';
import { CasesModule } from './cases/cases.module';
import { PersistenceModule } from './persistence.module';
import { ProfilesModule } from './profiles/profiles.module';
import { RecordHeadsModule } from './record-heads/record-heads.module';
import { ErrorFilter } from './common/error.filter';
import { DecisionModule } from './decision/decision.module';
import { DocumentsModule } from './documents/documents.module';
import { ENV } from './env.token';
import { HealthController } from './health/health.controller';
import { InitiationModule } from './initiation/initiation.module';
import { InvestigationModule } from './investigation/investigation.module';
import { ExecutionModule } from './execution/execution.module';
import { ServiceModule } from './service/service.module';
import { SummaryModule } from './summary/summary.module';
import { SupervisionModule } from './supervision/supervision.module';
import { UsersModule } from './users/users.module';
import { TasksModule } from './tasks/tasks.module';
import { TemporalModule } from './temporal/temporal.module';

@Module({})
export class AppModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(env.appDatabaseUrl, 10, env.dbStatementTimeoutMs)),
        PersistenceModule,
        TemporalModule,
        AdminModule,
        ArchivingModule,
        AuditModule,
        AuthModule,
        CalendarModule,
        CaseOperationsModule,
        CasesModule,
        DecisionModule,
        DocumentsModule,
        ExecutionModule,
        InitiationModule,
        InvestigationModule,
        ProfilesModule,
        RecordHeadsModule,
        ServiceModule,
        SummaryModule,
        SupervisionModule,
        UsersModule,
        TasksModule,
        ...workbench(env.webDir),
      ],
      controllers: [HealthController],
      providers: [
        { provide: ENV, useValue: env },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [ENV],
    };
  }
}

/**
 * The workbench (apps/web, built by `npm run dev` and `npm test`) at `/`: its files, and index.html for
 * any other GET outside `/api` so that the browser's router takes the path. Under `/api` an unknown
 * path stays the API's JSON 404. Without a build there is nothing to serve (the API alone).
 */
function workbench(webDir: string): DynamicModule[] {
  const root = resolve(webDir);
  if (!existsSync(join(root, 'index.html'))) return [];
  // A path pattern rather than `exclude`: the module's error handler turns every error of an excluded
  // route into a 404, which would replace the API's own answers (BODY_NOT_JSON…) under /api.
  return [ServeStaticModule.forRoot({ rootPath: root, renderPath: /^(?!\/api(?:\/|$))/, serveStaticOptions: { index: false } })];
}
