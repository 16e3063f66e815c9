// The worker's workflow bundle: every workflow type of lawtrail, exported by name; each ends once the
// documents its steps named are made (documents.ts).
import { decisionWorkflow as decision } from './decision/workflows';
import { initiationWorkflow as initiation } from './initiation/workflows';
import { investigationWorkflow as investigation } from './investigation/workflows';
import { summaryWorkflow as summary } from './summary/workflows';
import { serviceWorkflow as service } from './service/workflows';
import { executionWorkflow as execution } from './execution/workflows';
import { archiveWorkflow as archive } from './archiving/workflows';
import { accessRequestWorkflow as accessRequest } from './access/workflows';
import { caseOperationWorkflow as caseOperation } from './case-operations/workflows';
import { withDocuments } from './documents';

export { sealRecordDaysWorkflow } from './record-heads/workflows';
export const decisionWorkflow = withDocuments(decision);
export const initiationWorkflow = withDocuments(initiation);
export const investigationWorkflow = withDocuments(investigation);
export const summaryWorkflow = withDocuments(summary);
export const serviceWorkflow = withDocuments(service);
export const executionWorkflow = withDocuments(execution);
export const archiveWorkflow = withDocuments(archive);
export const accessRequestWorkflow = withDocuments(accessRequest);
export const caseOperationWorkflow = withDocuments(caseOperation);
