import { reason } from '@rectiflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import { AccountEntity, AccountRepository, UnitOfWork } from '@rectiflow/persistence';
import type { ApiConfig } from '@rectiflow/platform';
import { AccessTokenPayload } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { API_CONFIG } from '../temporal/temporal-client.service';
import { duration } from '../throttling/request-throttle.guard';
import { SignInLockout } from './lockout';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
  /** After an administrator's password reset: every endpoint but POST /auth/password refuses (403) until it is changed. */
  passwordChangeRequired: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The one answer to a refused sign-in, whatever the reason (unknown, wrong password, disabled, locked out). */
const SIGN_IN_REFUSED = 'wrong username or password';

@Injectable()
export class AuthService {
  // Compared against when the username is unknown, so a wrong username costs as long as a wrong password.
  private dummyHash?: Promise<string>;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly jwt: JwtService,
    private readonly lockout: SignInLockout,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  private async issue(account: AccountEntity): Promise<Tokens> {
    const payload: AccessTokenPayload = { sub: account.personId, ver: account.tokenVersion };
    const accessToken = await this.jwt.signAsync(payload, {
      expiresIn: this.config.auth.accessTokenSeconds,
      algorithm: 'HS256',
    });
    const refreshToken = randomBytes(32).toString('base64url');
    await this.accounts.insertRefreshToken(
      account.personId,
      sha256(refreshToken),
      new Date(Date.now() + this.config.auth.refreshTokenDays * 86_400_000),
    );
    return {
      accessToken,
      refreshToken,
      expiresIn: this.config.auth.accessTokenSeconds,
      tokenType: 'Bearer',
      passwordChangeRequired: account.mustChangePassword,
    };
  }

  /**
   * Unknown user, wrong password, disabled account, or this address locked out of the account: the
   * same 401 with the same words, after the same bcrypt comparison, so the answer tells nothing.
   */
  async signIn(username: string, password: string, address: string): Promise<Tokens> {
    const name = username.trim().toLowerCase();
    const account = await this.accounts.byUsername(name);
    const lockedFor = await this.lockout.attempt(name, address);
    this.dummyHash ??= hashPassword('not-a-password', this.config.auth.bcryptRounds);
    const matches = await verifyPassword(password, account?.passwordHash ?? (await this.dummyHash));
    if (!account || !matches || account.disabledAt || lockedFor)
      throw new DomainError(ErrorCode.Unauthenticated, SIGN_IN_REFUSED, undefined, reason('WRONG_CREDENTIALS'));
    await this.lockout.clear(name, address);
    return this.issue(account);
  }

  /** Rotates the refresh token: the old one is revoked; using a revoked one revokes the whole family. */
  async refresh(refreshToken: string): Promise<Tokens> {
    const stored = await this.accounts.refreshTokenByHash(sha256(refreshToken));
    if (!stored || stored.expiresAt.getTime() < Date.now())
      throw new DomainError(ErrorCode.Unauthenticated, 'the refresh token is not valid; sign in again');
    if (stored.revokedAt) {
      // A reused token means it leaked: end every session of this person.
      await this.unitOfWork.run((tx) => this.accounts.endSessions(stored.personId, tx));
      throw new DomainError(
        ErrorCode.Unauthenticated,
        'the refresh token was already used; all sessions are signed out',
      );
    }
    if (!(await this.accounts.revokeRefreshToken(stored.id)))
      throw new DomainError(ErrorCode.Unauthenticated, 'the refresh token was already used');
    const account = await this.accounts.requireByPerson(stored.personId);
    // Disabling revokes the refresh tokens too; this is the second lock on the same door.
    if (account.disabledAt)
      throw new DomainError(ErrorCode.Unauthenticated, 'the refresh token is not valid; sign in again');
    return this.issue(account);
  }

  async signOut(refreshToken: string): Promise<void> {
    await this.accounts.revokeRefreshTokenByHash(sha256(refreshToken));
  }

  /**
   * A new password ends every other session (all refresh tokens and access tokens) and lifts a
   * required change. A wrong current password counts against this account and address as a wrong
   * sign-in does, so a stolen access token cannot be used to guess the password at leisure.
   */
  async changePassword(personId: string, current: string, next: string, address: string): Promise<Tokens> {
    const account = await this.accounts.requireByPerson(personId);
    const lockedFor = await this.lockout.attempt(account.username, address);
    if (lockedFor)
      throw new DomainError(
        ErrorCode.TooManyRequests,
        `too many wrong passwords from this address; try again in ${duration(lockedFor)}`,
      );
    if (!(await verifyPassword(current, account.passwordHash)))
      throw new DomainError(ErrorCode.Forbidden, 'the current password is wrong');
    await this.lockout.clear(account.username, address);
    const problem =
      passwordProblem(next, account.username) ??
      (next === current ? 'the new password must differ from the current one' : null);
    if (problem) throw new DomainError(ErrorCode.InvalidInput, problem);
    const passwordHash = await hashPassword(next, this.config.auth.bcryptRounds);
    await this.unitOfWork.run(async (tx) => {
      await this.accounts.setPassword(personId, passwordHash, false, tx);
      await this.accounts.endSessions(personId, tx);
    });
    return this.issue(await this.accounts.requireByPerson(personId));
  }

  async me(personId: string) {
    const person = await this.accounts.profile(personId);
    const roles = await this.accounts.inspectionRoles(personId);
    return { ...person, roles };
  }
}

export async function accountFields(username: string | undefined, password: string | undefined, rounds: number) {
  if (!username && !password) return null;
  if (!username || !password) throw new DomainError(ErrorCode.InvalidInput, 'username and password go together');
  const normalised = username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,64}$/.test(normalised))
    throw new DomainError(ErrorCode.InvalidInput, 'username must be 3-64 letters, digits, dots, dashes or underscores');
  const problem = passwordProblem(password, normalised);
  if (problem) throw new DomainError(ErrorCode.InvalidInput, problem);
  return { username: normalised, passwordHash: await hashPassword(password, rounds) };
}
