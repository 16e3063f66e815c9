import { Global, Module } from '@nestjs/common';
import { ProfileRegistry } from './profile-registry';
import { AgencyProfilesController, ProfilesController } from './profiles.controller';
import { ProfilesService } from './profiles.service';

/** Agencies' profiles: the registry every module reads them from, the lists, and loading one. */
@Global()
@Module({
  controllers: [ProfilesController, AgencyProfilesController],
  providers: [ProfileRegistry, ProfilesService],
  exports: [ProfileRegistry],
})
export class ProfilesModule {}
