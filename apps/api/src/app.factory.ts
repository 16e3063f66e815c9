import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Env } from '#libs/config/env';
import { AppModule } from './app.module';
import { bodyParserErrors, rejectDeepJson } from './common/body-errors';
import { stallTimeouts } from './common/stall-timeouts';
import { forbidUnknownFields } from './common/openapi';
import { validationPipe } from './common/validation';

/** Builds the API exactly as it runs, for `main.ts` and for the end-to-end tests. */
export async function createApp(env: Env, logger: false | undefined = undefined): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env), {
    logger: logger ?? ['error', 'warn', 'log'],
    bodyParser: false,
  });
  if (!env.jwtSecret) throw new Error('no JWT signing key: set LAWTRAIL_JWT_SECRET (main.ts generates one in development)');
  // Case forms are text; 1 MB is generous and keeps oversized bodies out (413). The nesting depth is
  // checked on the raw bytes before anything parses or walks them (400 BODY_TOO_DEEP, not a stack overflow).
  // Behind a reverse proxy, req.ip (login limits, audit) is the client only if the proxy is trusted (LAWTRAIL_TRUST_PROXY).
  if (env.trustProxy !== false) app.set('trust proxy', env.trustProxy);
  app.useBodyParser('json', { limit: '1mb', verify: rejectDeepJson });
  app.use(bodyParserErrors);
  // Security headers (nosniff, frame-ancestors, HSTS…); the OpenAPI page needs its inline script, and
  // plain-http development must not be told to upgrade its requests to https. The workbench prints a
  // document from a frame holding the PDF it fetched with the bearer token, a blob: URL of its own.
  const csp = {
    'script-src': ["'self'", "'unsafe-inline'"],
    'frame-src': ["'self'", 'blob:'],
    'upgrade-insecure-requests': env.production ? [] : null,
  };
  app.use(helmet({ contentSecurityPolicy: { directives: csp } }));
  // Browsers may call the API only from the origins configured; none by default.
  app.enableCors({ origin: env.corsOrigins.length ? env.corsOrigins : false, credentials: false });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  stallTimeouts(app.getHttpServer(), env.httpIdleTimeoutMs);
  SwaggerModule.setup('api/docs', app, () => apiDocument(app));
  return app;
}

/** The OpenAPI document of the API at /api/docs-json, and what the workbench's typed client is generated from. */
export function apiDocument(app: INestApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('lawtrail 行政执法全过程记录')
    .setDescription('程序启动、待办任务、案件记录。错误响应统一为 { code, message, errors? }。')
    .setVersion('0.1')
    .addBearerAuth()
    .build();
  return forbidUnknownFields(SwaggerModule.createDocument(app, doc));
}
