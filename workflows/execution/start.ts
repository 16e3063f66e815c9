import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { ExecutionInput, workflowIdForExecution } from '#libs/messages/execution';
import { executionWorkflow } from './workflows';

/** The served decision is executed in its own workflow, outliving the stage that served it (either procedure). */
export async function startExecutionOf(input: ExecutionInput): Promise<void> {
  await startChild(executionWorkflow, {
    workflowId: workflowIdForExecution(input.caseId),
    parentClosePolicy: ParentClosePolicy.ABANDON,
    args: [input],
  });
}
