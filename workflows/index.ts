// The worker's workflow bundle: every workflow type of lawtrail, exported by name.
export { decisionWorkflow } from './decision/workflows';
export { initiationWorkflow } from './initiation/workflows';
export { investigationWorkflow } from './investigation/workflows';
export { summaryWorkflow } from './summary/workflows';
export { serviceWorkflow } from './service/workflows';
export { executionWorkflow } from './execution/workflows';
export { archiveWorkflow } from './archiving/workflows';
export { accessRequestWorkflow } from './access/workflows';
export { sealRecordDaysWorkflow } from './record-heads/workflows';
export { caseOperationWorkflow } from './case-operations/workflows';
