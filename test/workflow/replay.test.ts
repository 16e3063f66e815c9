import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataConverter } from '#libs/temporal/data-converter';

// Histories recorded from earlier versions of the workflows. Replaying them against today's code
// fails when a change would break running cases: such a change needs `patched()`. Add a history
// when a workflow gains a path; never rewrite an old one.
const dir = join(__dirname, 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('replay of recorded workflow histories', () => {
  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays deterministically', async (file) => {
    // fromObject, not the SDK's JSON reader: the latter's protobufjs type checks fail inside jest's module registry.
    const history = temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.LAWTRAIL_TEST_BUNDLE! }, dataConverter }, history, file);
  });
});
