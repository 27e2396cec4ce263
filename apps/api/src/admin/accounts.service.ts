import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  AccountEntity,
  AccountRepository,
  AdminAuditEventRepository,
  AdminAuditEventRow,
  UnitOfWork,
} from '@rectiflow/persistence';
import type { ApiConfig } from '@rectiflow/platform';
import { SignInLockout } from '../auth/lockout';
import { hashPassword, passwordProblem } from '../auth/passwords';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { API_CONFIG } from '../temporal/temporal-client.service';

export interface AccountState {
  personId: string;
  username: string;
  disabled: boolean;
  passwordChangeRequired: boolean;
}

// No 0/O, 1/l/I: the one-time password is read off a screen and typed in by someone else.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Four groups of four (about 93 bits), e.g. "Hq7d-Wm3k-p9Xa-4tRe"; it also meets the password rule. */
export function oneTimePassword(username: string): string {
  for (;;) {
    const characters = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const password = characters.match(/.{4}/g)!.join('-');
    if (!passwordProblem(password, username)) return password;
  }
}

/**
 * The system administrator's account actions: disable and enable (a disabled account cannot sign
 * in, and its tokens stop working at once), and a password reset to a one-time password that must
 * be changed at the next sign-in. Each change is recorded in `admin_audit_event`, in the same
 * transaction as the change itself.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly adminAudit: AdminAuditEventRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly lockout: SignInLockout,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** The row, locked for the rest of the transaction (two administrators acting at once take turns). */
  private async lockedAccount(tx: EntityManager, personId: string): Promise<AccountEntity> {
    const account = await this.accounts.lockByPerson(personId, tx);
    if (!account) throw new DomainError(ErrorCode.NotFound, `person ${personId} has no account`);
    return account;
  }

  private async record(
    tx: EntityManager,
    action: string,
    actor: RequestActor,
    subjectId: string,
    address: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.adminAudit.record(
      { action, actorId: actor.personId, subjectId, clientAddress: address.slice(0, 64) || null, detail },
      tx,
    );
  }

  /** Idempotent: disabling a disabled account (or enabling an enabled one) changes and records nothing. */
  async setDisabled(actor: RequestActor, personId: string, disabled: boolean, address: string): Promise<AccountState> {
    if (disabled && personId === actor.personId)
      throw new DomainError(ErrorCode.Forbidden, 'an administrator cannot disable his own account');
    const state = await this.unitOfWork.run(async (tx) => {
      const account = await this.lockedAccount(tx, personId);
      if (disabled !== (account.disabledAt !== null)) {
        await this.accounts.setDisabled(personId, disabled, tx);
        if (disabled) await this.accounts.endSessions(personId, tx);
        await this.record(tx, disabled ? 'account.disable' : 'account.enable', actor, personId, address, {
          username: account.username,
        });
      }
      return { personId, username: account.username, disabled, passwordChangeRequired: account.mustChangePassword };
    });
    // Re-enabled: whatever lock-outs piled up meanwhile are forgotten.
    if (!disabled) await this.lockout.clearAccount(state.username);
    return state;
  }

  /**
   * A new one-time password, answered once and stored only as its hash; every session of the person
   * ends, and until they choose a password of their own every endpoint but the change refuses.
   */
  async resetPassword(
    actor: RequestActor,
    personId: string,
    address: string,
  ): Promise<AccountState & { oneTimePassword: string }> {
    if (personId === actor.personId)
      throw new DomainError(
        ErrorCode.Forbidden,
        'change your own password with POST /api/auth/password, not with a reset',
      );
    const result = await this.unitOfWork.run(async (tx) => {
      const account = await this.lockedAccount(tx, personId);
      const password = oneTimePassword(account.username);
      await this.accounts.setPassword(personId, await hashPassword(password, this.config.auth.bcryptRounds), true, tx);
      await this.accounts.endSessions(personId, tx);
      await this.record(tx, 'account.reset_password', actor, personId, address, { username: account.username });
      return {
        personId,
        username: account.username,
        disabled: account.disabledAt !== null,
        passwordChangeRequired: true,
        oneTimePassword: password,
      };
    });
    await this.lockout.clearAccount(result.username);
    return result;
  }

  /** The account audit, newest first (optionally of one person). */
  events(personId: string | undefined, limit: number): Promise<AdminAuditEventRow[]> {
    return this.adminAudit.list(personId, limit);
  }
}
