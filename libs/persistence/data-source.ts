import { types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AuditEntity } from './entities/audit.entity';
import { CaseRecordEntity } from './entities/case-record.entity';
import { CaseEntity } from './entities/case.entity';
import { EscalationEntity } from './entities/escalation.entity';
import { TaskEntity } from './entities/task.entity';
import { UserEntity } from './entities/user.entity';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { NotificationEntity } from './entities/notification.entity';
import { RecordFlagEntity } from './entities/record-flag.entity';
import { AccountabilityItemEntity, DueEstimateEntity, DueItemEntity } from './entities/supervision-views.entity';
import { Initiation1795397115955 } from './migrations/1795397115955-Initiation';
import { Calendar1795398458860 } from './migrations/1795398458860-Calendar';
import { CalendarYearEntity } from './entities/calendar-year.entity';
import { AvFileEntity, CaseDefectEntity, EvidenceRecordEntity } from './entities/evidence.entity';
import { Evidence1795400542537 } from './migrations/1795400542537-Evidence';
import { CoerciveMeasures1795400884595 } from './migrations/1795400884595-CoerciveMeasures';
import { CoerciveMeasureEntity } from './entities/coercive-measure.entity';
import { CaseDeadlineEntity } from './entities/case-deadline.entity';
import { ServiceAddressEntity, ServiceEntity } from './entities/service.entity';
import { ExecutionEntity } from './entities/execution.entity';
import { ArchiveEntity } from './entities/archive.entity';
import { CaseOperationEntity } from './entities/case-operation.entity';
import { CaseDeadlines1795401985193 } from './migrations/1795401985193-CaseDeadlines';
import { RestrictMeasure1795401442284 } from './migrations/1795401442284-RestrictMeasure';
import { SummaryProcedure1795405200000 } from './migrations/1795405200000-SummaryProcedure';
import { Services1795405800000 } from './migrations/1795405800000-Services';
import { Executions1795406400000 } from './migrations/1795406400000-Executions';
import { Archives1795407000000 } from './migrations/1795407000000-Archives';
import { DueItems1795407600000 } from './migrations/1795407600000-DueItems';
import { DoneTasks1795416640000 } from './migrations/1795416640000-DoneTasks';
import { DueList1795416720000 } from './migrations/1795416720000-DueList';
import { RecordVerifications1795416720001 } from './migrations/1795416720001-RecordVerifications';
import { PendingDocuments1795416730000 } from './migrations/1795416730000-PendingDocuments';
import { Notifications1795408200000 } from './migrations/1795408200000-Notifications';
import { Accountability1795408800000 } from './migrations/1795408800000-Accountability';
import { RecordFlags1795409400000 } from './migrations/1795409400000-RecordFlags';
import { RecordChain1795410000000 } from './migrations/1795410000000-RecordChain';
import { CaseOperations1795412400000 } from './migrations/1795412400000-CaseOperations';
import { SupervisionViews1795413000000 } from './migrations/1795413000000-SupervisionViews';
import { IdempotencyKeys1795410600000 } from './migrations/1795410600000-IdempotencyKeys';
import { RecordDayHeads1795411260000 } from './migrations/1795411260000-RecordDayHeads';
import { AppRole1795411320000 } from './migrations/1795411320000-AppRole';
import { EstimatedDeadlines1795413600000 } from './migrations/1795413600000-EstimatedDeadlines';
import { RecordByDatabase1795414200000 } from './migrations/1795414200000-RecordByDatabase';
import { Sessions1795414800000 } from './migrations/1795414800000-Sessions';
import { DecisionNumbers1795415700000 } from './migrations/1795415700000-DecisionNumbers';
import { UserAdministration1795416000000 } from './migrations/1795416000000-UserAdministration';
import { Units1795416010000 } from './migrations/1795416010000-Units';
import { CaseNumbers1795416100000 } from './migrations/1795416100000-CaseNumbers';
import { AgencyProfiles1795416200000 } from './migrations/1795416200000-AgencyProfiles';
import { AgencyEntity, AgencyProfileEntity } from './entities/agency-profile.entity';
import { CaseSearch1795416300000 } from './migrations/1795416300000-CaseSearch';
import { UnitEntity } from './entities/unit.entity';
import { CaseDocuments1795416400000 } from './migrations/1795416400000-CaseDocuments';
import { DocumentGaps1795416400001 } from './migrations/1795416400001-DocumentGaps';
import { CaseDocumentEntity } from './entities/case-document.entity';

// A DATE column is a calendar date (a China date: last day of a period, retention date), not an
// instant: keep it as 'YYYY-MM-DD' instead of node-pg's local-midnight Date.
types.setTypeParser(types.builtins.DATE, (v: string) => v);

/** Entities and migrations are listed, not globbed, so the same list works from sources and from dist/. */
export const ENTITIES = [
  UserEntity,
  CaseEntity,
  CaseRecordEntity,
  TaskEntity,
  EscalationEntity,
  AuditEntity,
  CalendarYearEntity,
  EvidenceRecordEntity,
  AvFileEntity,
  CaseDefectEntity,
  CoerciveMeasureEntity,
  CaseDeadlineEntity,
  NotificationEntity,
  RecordFlagEntity,
  IdempotencyKeyEntity,
  DueItemEntity,
  DueEstimateEntity,
  AccountabilityItemEntity,
  ServiceEntity,
  ServiceAddressEntity,
  ExecutionEntity,
  ArchiveEntity,
  CaseOperationEntity,
  AgencyEntity,
  AgencyProfileEntity,
  UnitEntity,
  CaseDocumentEntity,
];
export const MIGRATIONS = [
  Initiation1795397115955,
  Calendar1795398458860,
  Evidence1795400542537,
  CoerciveMeasures1795400884595,
  RestrictMeasure1795401442284,
  CaseDeadlines1795401985193,
  SummaryProcedure1795405200000,
  Services1795405800000,
  Executions1795406400000,
  Archives1795407000000,
  DueItems1795407600000,
  Notifications1795408200000,
  Accountability1795408800000,
  RecordFlags1795409400000,
  RecordChain1795410000000,
  IdempotencyKeys1795410600000,
  RecordDayHeads1795411260000,
  AppRole1795411320000,
  CaseOperations1795412400000,
  SupervisionViews1795413000000,
  EstimatedDeadlines1795413600000,
  RecordByDatabase1795414200000,
  Sessions1795414800000,
  DecisionNumbers1795415700000,
  UserAdministration1795416000000,
  Units1795416010000,
  CaseNumbers1795416100000,
  AgencyProfiles1795416200000,
  CaseSearch1795416300000,
  CaseDocuments1795416400000,
  DocumentGaps1795416400001,
  DoneTasks1795416640000,
  DueList1795416720000,
  RecordVerifications1795416720001,
  PendingDocuments1795416730000,
];

/**
 * `statementTimeoutMs`: PostgreSQL cancels a statement of this pool running longer (57014, answered 503
 * by the API); the client gives up 2 s later if the server does not answer at all. Migrations and
 * maintenance open their pool without one.
 */
export function dataSourceOptions(url: string, poolSize = 10, statementTimeoutMs?: number): DataSourceOptions {
  const timeouts = statementTimeoutMs ? { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + 2000 } : {};
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsTransactionMode: 'each',
    extra: { max: poolSize, ...timeouts },
  };
}

export async function openDataSource(url: string, poolSize?: number): Promise<DataSource> {
  return new DataSource(dataSourceOptions(url, poolSize)).initialize();
}
