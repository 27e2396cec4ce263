import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ApiExtension } from '@nestjs/swagger';
import { reason } from '@rectiflow/domain';
import { RequestActorRepository } from '@rectiflow/persistence';
import { DomainError, ErrorCode } from './domain-error';

/** Who is acting: resolved from the bearer access token on every request (one place, this guard). */
export interface RequestActor {
  personId: string;
  name: string;
  departmentId: string | null;
  isAdmin: boolean;
}

export interface AccessTokenPayload {
  sub: string;
  ver: number;
  /** Set by the signer (jsonwebtoken's expiresIn); a token without one is refused. */
  exp?: number;
}

const PUBLIC_KEY = 'rectiflow:public';
const ADMIN_KEY = 'rectiflow:admin';
const PASSWORD_CHANGE_KEY = 'rectiflow:password-change';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** No sign-in needed (health, sign-in itself, the published notice); the API document says so (openapi.ts). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-public', true));
/** Only system administrators (accounts, organisation, inspections, audit verification). */
export const AdminOnly = () => SetMetadata(ADMIN_KEY, true);
/** Open to a person whose password was reset and must be changed (everything else answers 403 until then). */
export const OpenDuringPasswordChange = () => SetMetadata(PASSWORD_CHANGE_KEY, true);

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly actors: RequestActorRepository,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: unknown = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    if (!match)
      throw new DomainError(
        ErrorCode.Unauthenticated,
        'sign in first: send the access token as "Authorization: Bearer <token>"',
      );
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(match[1], { algorithms: ['HS256'] });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new DomainError(
        ErrorCode.Unauthenticated,
        expired ? 'the access token has expired; refresh it' : 'the access token is not valid',
      );
    }
    // jsonwebtoken accepts a token without exp as valid for ever; ours always carry one.
    if (
      typeof payload.exp !== 'number' ||
      typeof payload.sub !== 'string' ||
      !UUID.test(payload.sub) ||
      !Number.isInteger(payload.ver)
    ) {
      throw new DomainError(ErrorCode.Unauthenticated, 'the access token is not valid');
    }
    const row = await this.actors.tokenHolder(payload.sub);
    if (!row || row.disabled || row.tokenVersion !== payload.ver)
      throw new DomainError(ErrorCode.Unauthenticated, 'the access token has been revoked; sign in again');
    if (row.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_KEY, targets)) {
      throw new DomainError(
        ErrorCode.PasswordChangeRequired,
        'the password was reset by an administrator: change it first (POST /api/auth/password)',
      );
    }
    const actor: RequestActor = {
      personId: row.id,
      name: row.name,
      departmentId: row.departmentId,
      isAdmin: row.isAdmin,
    };
    request.actor = actor;
    if (this.reflector.getAllAndOverride<boolean>(ADMIN_KEY, targets) && !actor.isAdmin) {
      throw new DomainError(
        ErrorCode.Forbidden,
        'only a system administrator may do this',
        undefined,
        reason('ADMIN_ONLY'),
      );
    }
    return true;
  }
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): RequestActor => {
  return context.switchToHttp().getRequest().actor;
});
