import { Client } from '@temporalio/client';
import { Pool } from 'pg';
import { Api } from './api';
import { Progress } from './progress';
import { ServerKind } from './temporal-config';
import { EX_OFFICIO_CASE } from '../../test/support/forms';

/** What run.mjs started, handed to the driver. */
export interface Stack {
  args: string[];
  apiUrl: string;
  databaseUrl: string;
  baselineUrl: string;
  temporalAddress: string;
  server: ServerKind;
  taskQueue: string;
  baselineQueue: string;
  pids: { worker: number; api: number; baseline: number };
  logs: string;
  startedAt: number;
}

/** How much each scenario does: `--quick` for a smoke run, env variables to size a full one. */
export interface Sizes {
  quick: boolean;
  warmup: number;
  /** Operations measured per concurrency level in scenarios 1 and 2. */
  starts: { 1: number; 16: number };
  throughput: { steps: number[]; stepSeconds: number; sustainSeconds: number };
  openCases: { checkpoints: number[] };
  deadlines: number;
  /** Cases written straight into the table for scenario 6. */
  searchCases: number;
  /** Catalogue entries of scenario 7's 案卷. */
  caseFileEntries: number;
  /** The agency's open items at each measure of scenario 9 (filled by SQL). */
  dueViewItems: number[];
  /** Record entries scenario 10 verifies. */
  recordEntries: number;
}

export interface Bench {
  stack: Stack;
  sizes: Sizes;
  api: Api;
  temporal: Client;
  /** lawtrail's database, read as the bench's own observer (never written). */
  db: Pool;
  baselineDb: Pool;
  progress: Progress;
}

/** Every case of the bench is 兴隆台区民政局's (000): the one agency's supervisor then sees them all. */
export const AGENCY = 'xinglongtai-civil-affairs';
export const OFFICER = 'xlt.officer1';
export const UNIT_HEAD = 'xlt.unithead';
export const CHIEF = 'xlt.chief';
export const SUPERVISOR = 'xlt.supervisor';

/** An ex officio start as the README's first try has it (程序启动审批表). */
export const CASE_FORM = EX_OFFICIO_CASE;

/** An emergency start (先行启动): the back-report is due in 24 hours, a running timer per case. */
export const EMERGENCY_FORM = { ...CASE_FORM, emergency: true, reason: '现场发现违法行为，情况紧急', handlerOpinion: '先行启动' };
