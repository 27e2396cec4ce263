import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AdminController } from './admin.controller';

/** The administrator's desk: accounts (disable, enable, reset) and the audit chain check. */
@Module({ imports: [AuthModule], controllers: [AdminController, AccountsController], providers: [AccountsService] })
export class AdminModule {}
