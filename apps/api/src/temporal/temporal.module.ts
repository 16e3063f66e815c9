import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { Env } from '#libs/config/env';
import { dataConverter } from '#libs/temporal/data-converter';
import { ENV } from '../env.token';
import { CaseWorkflowsClient } from './case-workflows.client';
import { connectTemporal } from './connection';

/**
 * One Temporal client for the API process, connected at start-up so a wrong address fails fast;
 * calls are bounded (connection.ts). Only CaseWorkflowsClient is exported: the rest of the API
 * reaches Temporal through it.
 */
@Global()
@Module({
  providers: [
    {
      provide: Client,
      inject: [ENV],
      useFactory: async (env: Env) =>
        new Client({ connection: await connectTemporal(env.temporalAddress), namespace: env.temporalNamespace, dataConverter }),
    },
    CaseWorkflowsClient,
  ],
  exports: [CaseWorkflowsClient],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
