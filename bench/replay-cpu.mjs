// The worker's CPU per workflow task without the stack: replays a recorded history (test/workflow/histories)
// many times in this process, as a worker does after a cache miss, and reports CPU per replay and per workflow
// task (process.cpuUsage, which other work on the cores does not inflate). Compares worker settings under the
// same conditions (bench/README.md, "The worker's CPU"). Needs dist/ (`npx tsc -p bench/tsconfig.json`).
//   node bench/replay-cpu.mjs [history …] [--replays=100] [--reuse-v8-context=false] [--preload=#libs/a,#libs/b] [--no-vm-timeout]
// --no-vm-timeout is an experiment, not a setting: it drops the `timeout` the SDK passes to node:vm on every call
// into the sandbox, to show what the watchdog thread node starts for each such call costs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { bundleWorkflowCode, DefaultLogger, Runtime, Worker } = require('@temporalio/worker');
const { temporal } = require('@temporalio/proto');
const { aliasLibs } = require(join(ROOT, 'dist/apps/worker/src/bundle'));
// The worker's own payload codec: replaying decodes every payload of the history as the worker does.
const { dataConverter } = require(join(ROOT, 'dist/libs/temporal/data-converter'));

const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const names = args.filter((a) => !a.startsWith('--'));
const histories = (names.length ? names : ['initiation-approved-decision-started']).map((n) =>
  temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(join(ROOT, 'test/workflow/histories', `${n}.json`), 'utf8'))),
);
const replays = Number(flag('replays') ?? 100);
if (args.includes('--no-vm-timeout')) {
  const run = vm.Script.prototype.runInContext;
  vm.Script.prototype.runInContext = function (context, { timeout: _t, ...o } = {}) {
    return run.call(this, context, o);
  };
}

Runtime.install({ logger: new DefaultLogger('WARN') });
const workflowsPath = require.resolve(join(ROOT, 'dist/workflows'));
const workflowBundle = await bundleWorkflowCode({
  workflowsPath,
  webpackConfigHook: aliasLibs(workflowsPath),
  preloadModules: flag('preload')?.split(',') ?? [],
  logger: new DefaultLogger('WARN'),
});
const options = { workflowBundle, dataConverter, ...(flag('reuse-v8-context') === 'false' && { reuseV8Context: false }) };
const tasks = histories.map(
  (h) => h.events.filter((e) => e.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED).length,
);

async function replay(times) {
  async function* all() {
    for (let i = 0; i < times; i++) for (const history of histories) yield { workflowId: `replay-${i}-${history.events.length}`, history };
  }
  for await (const r of Worker.runReplayHistories(options, all())) if (r.error) throw r.error;
}

await replay(10); // warm-up: JIT, the bundle's first evaluation
const t0 = Date.now();
const cpu0 = process.cpuUsage();
await replay(replays);
const c = process.cpuUsage(cpu0);
const ms = (c.user + c.system) / 1000 / (replays * histories.length);
const perTask = ms / (tasks.reduce((a, b) => a + b, 0) / tasks.length);
console.log(
  `${replays * histories.length} replays of ${tasks.join(', ')} workflow tasks: ${ms.toFixed(1)} ms CPU per replay, ` +
    `${perTask.toFixed(2)} ms per workflow task; wall ${((Date.now() - t0) / replays).toFixed(1)} ms per replay`,
);
