// The worker's workflow bundle: every workflow type of lawtrail, exported by name.
export { initiationWorkflow } from './initiation/workflows';
export { investigationWorkflow } from './investigation/workflows';
