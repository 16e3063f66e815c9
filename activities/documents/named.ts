import { AsyncLocalStorage } from 'node:async_hooks';
import type { StepDocument } from '#libs/messages/documents';

/** Inside a step called with DOCUMENTS_LATER (later.ts): where `makeDocument` names a document instead of rendering it. */
export const named = new AsyncLocalStorage<StepDocument[]>();
