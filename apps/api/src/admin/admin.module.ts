import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

/** An agency's administration: its people and units (the system administrator for every agency, an agency administrator for its own). */
@Module({ imports: [AuthModule], controllers: [AdminUsersController, UnitsController], providers: [AdminUsersService, UnitsService] })
export class AdminModule {}
