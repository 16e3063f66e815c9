import {
  ApplicationFailure,
  ParentClosePolicy,
  condition,
  executeChild,
  getExternalWorkflowHandle,
  patched,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { ServiceInput, ServiceResult, serviceServedSignal } from '#libs/messages/service';
import { serviceWorkflow } from './workflows';

/**
 * Serves a document through the service workflow (a child) and resolves once it is served — not
 * once the recordings made while serving (a posted notice, a lodged service) are stored: service
 * is complete on the date of service (民事诉讼法 95: 公告 deemed served when its period ends), and
 * each file has its own upload deadline, escalated if late. The child outlives this
 * call (and its parent) until its files are stored. One service at a time per workflow.
 */
export async function serveThrough(options: { workflowId: string; args: [ServiceInput] }): Promise<ServiceResult> {
  // Added after cases existed: older stages waited for the child to end, files included.
  if (!patched('served-before-files')) return executeChild(serviceWorkflow, options);
  const id = options.args[0].serviceId;
  let served: ServiceResult | undefined;
  setHandler(serviceServedSignal, ({ serviceId, ...result }) => {
    if (serviceId === id) served = result;
  });
  const child = await startChild(serviceWorkflow, { ...options, parentClosePolicy: ParentClosePolicy.ABANDON });
  return Promise.race([child.result(), condition(() => served !== undefined).then(() => served!)]);
}

/** The service side: tells the stage that started it (if any) that the document is served. */
export async function tellServed(serviceId: string, result: ServiceResult): Promise<void> {
  const parent = workflowInfo().parent;
  if (!parent || !patched('served-before-files')) return;
  try {
    await getExternalWorkflowHandle(parent.workflowId).signal(serviceServedSignal, { serviceId, ...result });
  } catch (e) {
    // A parent that already ended has nothing to wait for.
    if (!(e instanceof ApplicationFailure && e.type === 'ExternalWorkflowExecutionNotFound')) throw e;
  }
}
