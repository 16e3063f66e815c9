import { dirname, resolve } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';

type WebpackHook = NonNullable<NonNullable<WorkerOptions['bundlerOptions']>['webpackConfigHook']>;

/**
 * Workflow code imports pure libs as `#libs/…` (package.json "imports"). Node maps those to dist/,
 * but the bundle must take them from the tree it bundles: libs/ beside workflows/ when tests bundle
 * the TypeScript sources, dist/libs beside dist/workflows when the compiled worker does.
 */
export function aliasLibs(workflowsPath: string): WebpackHook {
  const root = dirname(dirname(workflowsPath));
  return (config) => ({
    ...config,
    resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), '#libs': resolve(root, 'libs') } },
  });
}
