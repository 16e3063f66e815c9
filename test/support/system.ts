import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '#api/app.factory';
import { DEMO_PASSWORD } from '#api/auth/demo-users';
import { createWorker } from '#worker/worker';
import { Env, parseEnv } from '#libs/config/env';
import { appUrl } from '#libs/persistence/app-role';
import { openDataSource } from '#libs/persistence/data-source';
import { EX_OFFICIO_CASE } from './forms';
import { TestDatabase, eventually, freshDatabase } from './database';

/** The header of the due list's CSV export. */
export const DUE_CSV_HEADER =
  '案件编号,案号,期限类型,到期时间,逾期天数,办案阶段,承办人,待办人,角色,到期时间是否估算,未公布节假日安排的年度';

/** An item of the due list as its CSV line reads. */
export const dueCsvLine = (i: any) =>
  [
    i.caseId,
    i.caseNumber ?? '',
    i.kindLabel,
    i.dueAt,
    String(i.daysLate),
    i.stage,
    i.officerName ?? '',
    i.assigneeName ?? '',
    i.role ?? '',
    i.complete ? '否' : '是（按周末估算）',
    i.missingYears.join('、'),
  ].join(',');

export interface Reply<T = any> {
  status: number;
  body: T;
}

/**
 * The whole system for one end-to-end test file: its own database, a real worker on its own task
 * queue against the shared Temporal dev server, and the API listening on a free port.
 */
export class TestSystem {
  private readonly tokens = new Map<string, string>();

  private constructor(
    readonly env: Env,
    readonly database: TestDatabase,
    private readonly app: INestApplication,
    private readonly stopWorker: () => Promise<void>,
    readonly baseUrl: string,
  ) {}

  /**
   * `temporalAddress`: another Temporal server than the shared dev server (a time-skipping one);
   * `env`: more variables for parseEnv (a short statement timeout…).
   */
  static async start(o: { temporalAddress?: string; env?: Record<string, string> } = {}): Promise<TestSystem> {
    const database = await freshDatabase();
    const env = parseEnv({
      DATABASE_URL: database.url,
      // As in production: the API and the worker may only insert into the record tables.
      DATABASE_APP_URL: appUrl(database.url, process.env.LAWTRAIL_TEST_APP_PASSWORD!),
      TEMPORAL_ADDRESS: o.temporalAddress ?? process.env.LAWTRAIL_TEST_TEMPORAL,
      LAWTRAIL_TASK_QUEUE: `e2e-${randomBytes(4).toString('hex')}`,
      PORT: '0',
      LAWTRAIL_STORAGE_DIR: mkdtempSync(join(tmpdir(), 'lawtrail-av-')),
      // Its own signing key, as `npm run dev` generates one (libs/config/dev-secret.ts).
      LAWTRAIL_JWT_SECRET: randomBytes(32).toString('hex'),
      // Every test logs in from 127.0.0.1: the per-address limit (sessions.e2e.ts tests it) out of the way.
      LAWTRAIL_LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '1000',
      ...o.env,
    });
    const workerDb = await openDataSource(env.appDatabaseUrl, 5);
    const { worker, connection } = await createWorker(
      env,
      workerDb,
      { workflowBundle: { codePath: process.env.LAWTRAIL_TEST_BUNDLE! } },
      { schedules: !o.temporalAddress },
    );
    const running = worker.run();
    const app = await createApp(env, false);
    await app.listen(0, '127.0.0.1');
    const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    return new TestSystem(
      env,
      database,
      app,
      async () => {
        worker.shutdown();
        await running;
        await connection.close();
        await workerDb.destroy();
      },
      baseUrl,
    );
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.stopWorker();
    await this.database.drop();
  }

  async call<T = any>(
    method: string,
    path: string,
    o: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.body !== undefined || o.raw !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Stores the file of an audiovisual record as `user` uploads it: a PUT with the raw bytes. */
  async storeFile(
    caseId: string,
    recordId: string,
    bytes: Buffer,
    o: { user: string; type: string; headers?: Record<string, string> },
  ): Promise<Reply> {
    const res = await fetch(`${this.baseUrl}/api/v1/cases/${caseId}/av-records/${recordId}/file`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await this.token(o.user)}`, 'content-type': o.type, ...o.headers },
      body: bytes,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** The supervisor's due list as CSV (`/supervision/due.csv?query`): its content type and its lines, the BOM dropped. */
  async dueCsv(query: string, user: string): Promise<{ type: string | null; lines: string[] }> {
    const res = await fetch(`${this.baseUrl}/api/v1/supervision/due.csv?${query}`, {
      headers: { authorization: `Bearer ${await this.token(user)}` },
    });
    return {
      type: res.headers.get('content-type'),
      lines: (await res.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    };
  }

  /** A demo user's bearer token, logging in once per user. */
  async token(username: string): Promise<string> {
    if (!this.tokens.has(username)) this.tokens.set(username, await this.login(username));
    return this.tokens.get(username)!;
  }

  /**
   * A user an administrator created: logs in with the initial password, sets `next` (required at the
   * first login) and keeps the fresh token for `token()`.
   */
  async firstLogin(username: string, initial: string, next: string): Promise<string> {
    const first = await this.tryLogin(username, initial);
    if (first.status !== 200) throw new Error(`login ${username}: ${first.status} ${JSON.stringify(first.body)}`);
    const changed = await this.call('POST', '/api/v1/auth/password', {
      token: first.body.accessToken,
      body: { currentPassword: initial, newPassword: next },
    });
    if (changed.status !== 200) throw new Error(`password ${username}: ${changed.status} ${JSON.stringify(changed.body)}`);
    this.tokens.set(username, changed.body.accessToken);
    return changed.body.accessToken;
  }

  /** A token already obtained with `token()`. */
  tokenOf(username: string): string {
    return this.tokens.get(username)!;
  }

  /** Logs in a demo user and returns their bearer token. */
  async login(username: string): Promise<string> {
    const r = await this.tryLogin(username);
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.accessToken;
  }

  /** A login attempt and its answer, whatever it is (the demo password unless another is given). */
  tryLogin(username: string, password = DEMO_PASSWORD, headers?: Record<string, string>): Promise<Reply> {
    return this.call('POST', '/api/v1/auth/login', { body: { username, password }, headers });
  }

  /**
   * A case of `agency` filed through the API: the officer starts it, the unit head and the chief
   * approve it; resolves once the case has settled — the decision stage has written its deadline and
   * opened the draft for the handling officer — so nothing of the filing is still written afterwards.
   */
  async filedCase(agency: string, body: Record<string, unknown> = EX_OFFICIO_CASE): Promise<string> {
    const officer = await this.token(`${agency}.officer1`);
    const c = await this.call('POST', '/api/v1/cases', { token: officer, body });
    for (const [user, decision] of [
      [`${agency}.unithead`, 'agree'],
      [`${agency}.chief`, 'approve'],
    ]) {
      const t = await this.call('GET', `/api/v1/tasks?caseId=${c.body.id}`, { token: await this.token(user) });
      await this.call('POST', `/api/v1/tasks/${t.body.items[0].id}/completion`, {
        token: await this.token(user),
        body: { decision, opinion: '同意' },
      });
    }
    await eventually(async () => {
      const deadlines = await this.call('GET', `/api/v1/cases/${c.body.id}/deadlines`, { token: officer });
      const tasks = await this.call('GET', `/api/v1/tasks?caseId=${c.body.id}`, { token: officer });
      const drafting = tasks.body.items?.some((t: { kind: string }) => t.kind === 'draft_decision');
      return deadlines.body.items?.length && drafting ? true : undefined;
    });
    return c.body.id;
  }

  /** Completes the case's first open task that `user` can see, as they would from their list. */
  async completeTask(caseId: string, user: string, body: Record<string, unknown>): Promise<Reply> {
    const t = await this.token(user);
    const open = await this.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token: t });
    if (!open.body.items?.length) throw new Error(`${user} has no open task on ${caseId}`);
    return this.call('POST', `/api/v1/tasks/${open.body.items[0].id}/completion`, { token: t, body });
  }

  /** A written record (an appraisal opinion) by the agency's two demo officers; returns its id. */
  async evidenceRecord(caseId: string, code: string, by = `${code}.officer1`): Promise<string> {
    const r = await this.call('POST', `/api/v1/cases/${caseId}/records`, {
      token: await this.token(by),
      body: {
        kind: 'appraisal_opinion',
        title: '鉴定意见书',
        recordedAt: new Date().toISOString(),
        content: '鉴定结论……',
        officers: [await this.officer(`${code}.officer1`), await this.officer(`${code}.officer2`)],
        signatures: { partySigned: true },
      },
    });
    if (r.status !== 201) throw new Error(`evidence: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id;
  }

  /** An inquiry transcript of the party by the agency's two demo officers, made without audio-video. */
  async partyInquiry(caseId: string, code: string, rightsTold: { rights: string[]; method: string }): Promise<Reply> {
    return this.call('POST', `/api/v1/cases/${caseId}/records`, {
      token: await this.token(`${code}.officer1`),
      body: {
        kind: 'inquiry_transcript',
        subject: 'party',
        title: '询问笔录',
        recordedAt: new Date().toISOString(),
        content: '问：……答：……',
        officers: [await this.officer(`${code}.officer1`), await this.officer(`${code}.officer2`)],
        signatures: { partySigned: true },
        rightsTold,
      },
    });
  }

  /** A demo officer as a record names them: account, certificate number, how it was shown. */
  async officer(username: string) {
    const [u] = await this.database.db.query('SELECT id, certificate_no FROM users WHERE username = $1', [username]);
    return { userId: u.id, certificateNo: u.certificate_no, shown: '当场出示执法证件' };
  }
}
