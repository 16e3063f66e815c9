import { AgencyProfilesRepository } from './agency-profiles.repository';
import { AuditRepository } from './audit.repository';
import { CalendarYearsRepository } from './calendar-years.repository';
import { CaseDeadlinesRepository } from './case-deadlines.repository';
import { CaseDocumentsRepository } from './case-documents.repository';
import { CaseFileRepository } from './case-file.repository';
import { CaseOperationsRepository } from './case-operations.repository';
import { CaseRecordRepository } from './case-record.repository';
import { CasesRepository } from './cases.repository';
import { CoerciveMeasuresRepository } from './coercive-measures.repository';
import { EvidenceRepository } from './evidence.repository';
import { ExecutionsRepository } from './executions.repository';
import { DatabaseHealth } from './health.repository';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { ServicesRepository } from './services.repository';
import { SupervisionRepository } from './supervision.repository';
import { TasksRepository } from './tasks.repository';
import { UnitsRepository } from './units.repository';
import { UsersRepository } from './users.repository';

/** Every repository, each constructed with the DataSource: the API provides them all from one module. */
export const REPOSITORIES = [
  AgencyProfilesRepository,
  AuditRepository,
  CalendarYearsRepository,
  CaseDeadlinesRepository,
  CaseDocumentsRepository,
  CaseFileRepository,
  CaseOperationsRepository,
  CaseRecordRepository,
  CasesRepository,
  CoerciveMeasuresRepository,
  DatabaseHealth,
  EvidenceRepository,
  ExecutionsRepository,
  IdempotencyKeysRepository,
  ServicesRepository,
  SupervisionRepository,
  TasksRepository,
  UnitsRepository,
  UsersRepository,
];
