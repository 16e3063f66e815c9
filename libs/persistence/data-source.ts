import { DataSource, DataSourceOptions } from 'typeorm';
import { AuditEntity } from './entities/audit.entity';
import { CaseRecordEntity } from './entities/case-record.entity';
import { CaseEntity } from './entities/case.entity';
import { EscalationEntity } from './entities/escalation.entity';
import { TaskEntity } from './entities/task.entity';
import { UserEntity } from './entities/user.entity';
import { Initiation1795397115955 } from './migrations/1795397115955-Initiation';
import { Calendar1795398458860 } from './migrations/1795398458860-Calendar';
import { CalendarYearEntity } from './entities/calendar-year.entity';
import { AvFileEntity, CaseDefectEntity, EvidenceRecordEntity } from './entities/evidence.entity';
import { Evidence1795400542537 } from './migrations/1795400542537-Evidence';

/** Entities and migrations are listed, not globbed, so the same list works from sources and from dist/. */
export const ENTITIES = [UserEntity, CaseEntity, CaseRecordEntity, TaskEntity, EscalationEntity, AuditEntity, CalendarYearEntity,
  EvidenceRecordEntity, AvFileEntity, CaseDefectEntity];
export const MIGRATIONS = [Initiation1795397115955, Calendar1795398458860, Evidence1795400542537];

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsTransactionMode: 'each',
    extra: { max: poolSize },
  };
}

export async function openDataSource(url: string, poolSize?: number): Promise<DataSource> {
  return new DataSource(dataSourceOptions(url, poolSize)).initialize();
}
