import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { PersonEntity } from '../../../../libs/persistence/src';
import { DomainError, ErrorCode } from './domain-error';

/**
 * Who is acting. Until sign-in lands (the access-control issue) the person is named by the
 * X-Actor-Id header; this guard is the one place that reads it, so it can be replaced whole.
 */
export const ACTOR_HEADER = 'x-actor-id';
const PUBLIC_KEY = 'rectiflow:public';

export interface RequestActor {
  personId: string;
  name: string;
  departmentId: string | null;
}

export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The very first people can be created without an actor (nobody exists yet to name); after that the header is required. */
const BOOTSTRAP_KEY = 'rectiflow:bootstrap';
export const AllowBootstrap = () => SetMetadata(BOOTSTRAP_KEY, true);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ActorGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest();
    const header = request.headers[ACTOR_HEADER];
    if (!header && this.reflector.getAllAndOverride<boolean>(BOOTSTRAP_KEY, [context.getHandler(), context.getClass()])) {
      const people = await this.dataSource.getRepository(PersonEntity).count();
      if (people === 0) return true;
    }
    if (typeof header !== 'string' || !header) {
      throw new DomainError(ErrorCode.Unauthenticated, `the ${ACTOR_HEADER} header must name the acting person's id`);
    }
    if (!UUID.test(header)) throw new DomainError(ErrorCode.Unauthenticated, `${ACTOR_HEADER} must be a person id (uuid)`);
    const person = await this.dataSource.getRepository(PersonEntity).findOne({ where: { id: header } });
    if (!person) throw new DomainError(ErrorCode.Unauthenticated, `no person with id ${header}`);
    request.actor = { personId: person.id, name: person.name, departmentId: person.departmentId } satisfies RequestActor;
    return true;
  }
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): RequestActor => {
  return context.switchToHttp().getRequest().actor;
});
