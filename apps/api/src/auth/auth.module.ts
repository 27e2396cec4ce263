import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SignInLockout } from './lockout';

/** Sign-in, tokens, password changes and the per-account-and-address lock-out. */
@Module({ controllers: [AuthController], providers: [AuthService, SignInLockout], exports: [SignInLockout] })
export class AuthModule {}
