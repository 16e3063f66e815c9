import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { OpenAPIObject } from '@nestjs/swagger';
import { parseEnv } from '#libs/config/env';
import { apiDocument } from '../app.factory';
import { AppModule } from '../app.module';

/**
 * The OpenAPI document without a database or Temporal: Nest's preview mode reads the modules'
 * metadata and creates no provider, so nothing connects. The address below is never dialled.
 */
export async function offlineApiDocument(): Promise<OpenAPIObject> {
  const env = parseEnv({ DATABASE_URL: 'postgres://offline/none', LAWTRAIL_WEB_DIR: '/nonexistent' });
  const app = await NestFactory.create(AppModule.forRoot(env), { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix('api');
  try {
    return apiDocument(app);
  } finally {
    await app.close();
  }
}

/** `node dist/apps/api/src/cli/openapi-document.js`: the document on stdout (scripts/web-api-types.mjs reads it). */
if (require.main === module) {
  offlineApiDocument().then(
    (doc) => process.stdout.write(JSON.stringify(doc)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
