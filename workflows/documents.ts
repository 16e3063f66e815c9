/**
 * The documents the workflow's steps named, being rendered (`makeStepDocuments`, a task-queue activity
 * scheduled in the step's workflow task and not awaited, so the caller is answered first). A workflow
 * ends only once they are made: an activity still open when its workflow completes would be dropped.
 */
const pending = new Set<Promise<void>>();
const failures: unknown[] = [];

export function makeLater(making: Promise<void>): void {
  // Caught here so the promise is never an unhandled rejection; the workflow's end reports it.
  const p: Promise<void> = making.then(
    () => void pending.delete(p),
    (e) => {
      pending.delete(p);
      failures.push(e);
    },
  );
  pending.add(p);
}

/**
 * The workflow function, ending once every document its steps named is made. `makeStepDocuments` is
 * retried without bound and keeps a refusal for integrity on its `pending_documents` row instead of
 * failing (activities/documents/later.ts), so a failure reaching here is not expected; were one to, the
 * workflow fails with it, and the row left pending is made when the case is closed or archived.
 */
export function withDocuments<A extends unknown[], R>(workflow: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const result = await workflow(...args);
    while (pending.size) await Promise.all([...pending]);
    if (failures.length) throw failures[0];
    return result;
  };
}
