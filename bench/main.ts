import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { dataConverter } from '#libs/temporal/data-converter';
import { Pool } from 'pg';
import { DEMO_PASSWORD } from '#api/auth/demo-users';
import { Api } from './lib/api';
import { Bench, CHIEF, OFFICER, Stack, SUPERVISOR, UNIT_HEAD } from './lib/context';
import { machine } from './lib/machine';
import { Progress } from './lib/progress';
import { scenariosFrom, sizesFrom } from './lib/sizes';
import { round } from './lib/stats';
import { Results, writeResults } from './report';
import { caseFilePdfBench } from './scenarios/case-file-pdf';
import { caseSearch } from './scenarios/case-search';
import { caseStart } from './scenarios/case-start';
import { deadlineLag } from './scenarios/deadline-lag';
import { documents } from './scenarios/documents';
import { dueViewAtScale } from './scenarios/due-view';
import { openCases } from './scenarios/open-cases';
import { recordVerification } from './scenarios/record-verification';
import { taskCompletion } from './scenarios/task-completion';
import { throughput } from './scenarios/throughput';

/**
 * The driver, called by bench/run.mjs once the stack is up. Scenarios 4 and 5 run first, on an
 * empty system, so the open cases counted are exactly theirs; 1–3 then run on a system that holds
 * those open cases and their timers, as an agency's would; 6 last, as its rows are cases of the agency
 * (7, the 案卷 PDF, runs in this process and needs none of the stack). 9 (the due view at 100 000 open
 * items) removes the rows it fills; 10 (record verification) adds record entries, so it runs last.
 */
export async function runBench(stack: Stack): Promise<Results> {
  const sizes = sizesFrom(stack.args, process.env);
  const only = scenariosFrom(stack.args);
  const progress = new Progress();
  const api = new Api(stack.apiUrl, DEMO_PASSWORD);
  await api.login(OFFICER, UNIT_HEAD, CHIEF, SUPERVISOR);
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const temporal = new Client({ connection, dataConverter });
  const db = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  const baselineDb = new Pool({ connectionString: stack.baselineUrl, max: 2 });
  const b: Bench = { stack, sizes, api, temporal, db, baselineDb, progress };

  const results: Results = {
    date: new Date().toISOString(),
    server: stack.server,
    machine: await machine(db, connection, stack.server),
    sizes,
    scenarios: {},
    seconds: 0,
  };
  try {
    if (only.has(4)) results.scenarios.openCases = await openCases(b);
    if (only.has(5)) results.scenarios.deadlineLag = await deadlineLag(b, results.scenarios.openCases?.creation.throughput ?? 10);
    if (only.has(1)) results.scenarios.caseStart = await caseStart(b);
    if (only.has(2)) results.scenarios.taskCompletion = await taskCompletion(b);
    if (only.has(3)) results.scenarios.throughput = await throughput(b);
    if (only.has(6)) results.scenarios.caseSearch = await caseSearch(b);
    if (only.has(7)) results.scenarios.caseFilePdf = await caseFilePdfBench(b, b.sizes.caseFileEntries);
    if (only.has(8)) results.scenarios.documents = await documents(b);
    if (only.has(9)) results.scenarios.dueViewAtScale = await dueViewAtScale(b);
    if (only.has(10)) results.scenarios.recordVerification = await recordVerification(b);
  } finally {
    await connection.close();
    await db.end();
    await baselineDb.end();
  }
  results.machine.loadAverageAfter = (await import('node:os')).loadavg().map((x) => round(x, 2));
  results.seconds = round((Date.now() - stack.startedAt) / 1000, 0);
  const written = writeResults(results);
  progress.section(`[bench] done in ${Math.round(results.seconds / 60)} min; results in ${written.join(', ')}`);
  return results;
}
