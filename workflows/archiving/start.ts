import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { ArchiveInput, workflowIdForArchive } from '#libs/messages/archiving';
import { archiveWorkflow } from './workflows';

/** The ended case's archiving runs on its own, outliving the stage that ended the case. */
export async function startArchiving(input: ArchiveInput): Promise<void> {
  await startChild(archiveWorkflow, {
    workflowId: workflowIdForArchive(input.caseId),
    parentClosePolicy: ParentClosePolicy.ABANDON,
    args: [input],
  });
}
