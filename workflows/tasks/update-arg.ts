import type { UpdateDefinition } from '@temporalio/common';

/** The one argument an Update carries, for a state class's handler and validator signatures. */
export type UpdateArg<D> = D extends UpdateDefinition<infer _Ret, [infer A]> ? A : never;
