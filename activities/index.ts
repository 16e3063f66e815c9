import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { createArchivingActivities } from './archiving/activities';
import { createCaseOperationActivities } from './case-operations/activities';
import { createDecisionActivities } from './decision/activities';
import { createDocumentActivities, documentsLater } from './documents/later';
import { createInitiationActivities } from './initiation/activities';
import { nonRetryableIntegrity } from './integrity';
import { createInvestigationActivities } from './investigation/activities';
import { createRecordHeadsActivities } from './record-heads/activities';
import { createExecutionActivities } from './execution/activities';
import { createServiceActivities } from './service/activities';
import { createSummaryActivities } from './summary/activities';
import { createTaskActivities } from './tasks/activities';

/**
 * Every activity of lawtrail, bound to one database and one Temporal client; the worker registers this
 * object. An integrity violation is never retried (integrity.ts); a step called with DOCUMENTS_LATER
 * names its documents for `makeStepDocuments` instead of rendering them (documents/later.ts). `storageDir`: the file storage the API
 * shares (audio-video files; the documents the activities generate).
 */
export function createActivities(db: DataSource, temporal: Client, storageDir: string) {
  return documentsLater(
    nonRetryableIntegrity({
      ...createInitiationActivities(db, storageDir),
      ...createInvestigationActivities(db, storageDir),
      ...createDecisionActivities(db, storageDir),
      ...createSummaryActivities(db, storageDir),
      ...createServiceActivities(db, storageDir),
      ...createExecutionActivities(db, storageDir),
      ...createArchivingActivities(db, storageDir),
      ...createTaskActivities(db, storageDir),
      ...createCaseOperationActivities(db, temporal, storageDir),
      ...createRecordHeadsActivities(db),
      ...createDocumentActivities(db, storageDir),
    }),
  );
}

export type Activities = ReturnType<typeof createActivities>;
