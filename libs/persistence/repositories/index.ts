import { AuditRepository } from './audit.repository';
import { CalendarYearsRepository } from './calendar-years.repository';
import { CaseRecordRepository } from './case-record.repository';
import { CasesRepository } from './cases.repository';
import { CoerciveMeasuresRepository } from './coercive-measures.repository';
import { EvidenceRepository } from './evidence.repository';
import { DatabaseHealth } from './health.repository';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { SupervisionRepository } from './supervision.repository';
import { TasksRepository } from './tasks.repository';
import { UsersRepository } from './users.repository';

/** Every repository, each constructed with the DataSource: the API provides them all from one module. */
export const REPOSITORIES = [
  AuditRepository,
  CalendarYearsRepository,
  CaseRecordRepository,
  CasesRepository,
  CoerciveMeasuresRepository,
  DatabaseHealth,
  EvidenceRepository,
  IdempotencyKeysRepository,
  SupervisionRepository,
  TasksRepository,
  UsersRepository,
];
