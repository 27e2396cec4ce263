import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AccountEntity, RefreshTokenEntity } from '../../../../libs/persistence/src';
import type { ApiConfig } from '../../../../libs/platform/src';
import { AccessTokenPayload } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { API_CONFIG } from '../temporal/temporal-client.service';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

@Injectable()
export class AuthService {
  // Compared against when the username is unknown, so a wrong username costs as long as a wrong password.
  private dummyHash?: Promise<string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  private async issue(account: AccountEntity): Promise<Tokens> {
    const payload: AccessTokenPayload = { sub: account.personId, ver: account.tokenVersion };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.config.auth.accessTokenSeconds, algorithm: 'HS256' });
    const refreshToken = randomBytes(32).toString('base64url');
    await this.dataSource.getRepository(RefreshTokenEntity).insert({
      personId: account.personId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.auth.refreshTokenDays * 86_400_000),
    });
    return { accessToken, refreshToken, expiresIn: this.config.auth.accessTokenSeconds, tokenType: 'Bearer' };
  }

  /** Wrong password or unknown user: the same 401. Too many failures in a row: locked for a while (423 → 401 with the time). */
  async signIn(username: string, password: string): Promise<Tokens> {
    const repository = this.dataSource.getRepository(AccountEntity);
    const account = await repository.findOne({ where: { username: username.trim().toLowerCase() } });
    if (!account) {
      this.dummyHash ??= hashPassword('not-a-password', this.config.auth.bcryptRounds);
      await verifyPassword(password, await this.dummyHash);
      throw new DomainError(ErrorCode.Unauthenticated, 'wrong username or password');
    }
    if (account.lockedUntil && account.lockedUntil.getTime() > Date.now()) {
      throw new DomainError(ErrorCode.Unauthenticated, `the account is locked after repeated failed sign-ins until ${account.lockedUntil.toISOString()}`);
    }
    if (!(await verifyPassword(password, account.passwordHash))) {
      const failed = account.failedAttempts + 1;
      const lock = failed >= this.config.auth.lockoutAttempts;
      await repository.update(
        { personId: account.personId },
        { failedAttempts: lock ? 0 : failed, lockedUntil: lock ? new Date(Date.now() + this.config.auth.lockoutMinutes * 60_000) : account.lockedUntil },
      );
      throw new DomainError(ErrorCode.Unauthenticated, lock ? 'wrong username or password; the account is now locked for a while' : 'wrong username or password');
    }
    if (account.failedAttempts || account.lockedUntil) await repository.update({ personId: account.personId }, { failedAttempts: 0, lockedUntil: null });
    return this.issue(account);
  }

  /** Rotates the refresh token: the old one is revoked; using a revoked one revokes the whole family. */
  async refresh(refreshToken: string): Promise<Tokens> {
    const tokens = this.dataSource.getRepository(RefreshTokenEntity);
    const stored = await tokens.findOne({ where: { tokenHash: sha256(refreshToken) } });
    if (!stored || stored.expiresAt.getTime() < Date.now()) throw new DomainError(ErrorCode.Unauthenticated, 'the refresh token is not valid; sign in again');
    if (stored.revokedAt) {
      // A reused token means it leaked: end every session of this person.
      await this.revokeAll(stored.personId);
      throw new DomainError(ErrorCode.Unauthenticated, 'the refresh token was already used; all sessions are signed out');
    }
    const revoked = await tokens.update({ id: stored.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!revoked.affected) throw new DomainError(ErrorCode.Unauthenticated, 'the refresh token was already used');
    const account = await this.dataSource.getRepository(AccountEntity).findOneOrFail({ where: { personId: stored.personId } });
    return this.issue(account);
  }

  async signOut(refreshToken: string): Promise<void> {
    await this.dataSource.getRepository(RefreshTokenEntity).update({ tokenHash: sha256(refreshToken), revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async revokeAll(personId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(RefreshTokenEntity).update({ personId, revokedAt: IsNull() }, { revokedAt: new Date() });
      await manager.getRepository(AccountEntity).increment({ personId }, 'tokenVersion', 1);
    });
  }

  /** A new password ends every other session (all refresh tokens and access tokens). */
  async changePassword(personId: string, current: string, next: string): Promise<Tokens> {
    const repository = this.dataSource.getRepository(AccountEntity);
    const account = await repository.findOneOrFail({ where: { personId } });
    if (!(await verifyPassword(current, account.passwordHash))) throw new DomainError(ErrorCode.Forbidden, 'the current password is wrong');
    const problem = passwordProblem(next, account.username);
    if (problem) throw new DomainError(ErrorCode.InvalidInput, problem);
    await repository.update({ personId }, { passwordHash: await hashPassword(next, this.config.auth.bcryptRounds), passwordChangedAt: new Date() });
    await this.revokeAll(personId);
    return this.issue(await repository.findOneOrFail({ where: { personId } }));
  }

  async me(personId: string) {
    const [person] = await this.dataSource.query(
      `SELECT p.id, p.name, p.email, p.department_id AS "departmentId", d.name AS "departmentName", a.username, a.is_admin AS "isAdmin"
         FROM person p JOIN account a ON a.person_id = p.id LEFT JOIN department d ON d.id = p.department_id WHERE p.id = $1`,
      [personId],
    );
    const roles = await this.dataSource.query(
      `SELECT r.inspection_id AS "inspectionId", i.title AS "inspectionTitle", r.role FROM inspection_role r JOIN inspection i ON i.id = r.inspection_id
        WHERE r.person_id = $1 ORDER BY i.created_at DESC, r.role`,
      [personId],
    );
    return { ...person, roles };
  }
}

export async function accountFields(username: string | undefined, password: string | undefined, rounds: number) {
  if (!username && !password) return null;
  if (!username || !password) throw new DomainError(ErrorCode.InvalidInput, 'username and password go together');
  const normalised = username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,64}$/.test(normalised)) throw new DomainError(ErrorCode.InvalidInput, 'username must be 3-64 letters, digits, dots, dashes or underscores');
  const problem = passwordProblem(password, normalised);
  if (problem) throw new DomainError(ErrorCode.InvalidInput, problem);
  return { username: normalised, passwordHash: await hashPassword(password, rounds) };
}
