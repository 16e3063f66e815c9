import { Global, Module } from '@nestjs/common';
import { REPOSITORIES } from '#libs/persistence/repositories/index';

/** The repositories, for every module: services ask them, and only them, for what the database holds. */
@Global()
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class PersistenceModule {}
