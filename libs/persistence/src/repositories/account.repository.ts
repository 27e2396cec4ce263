import { EntityManager, In, IsNull } from 'typeorm';
import { AccountEntity, RefreshTokenEntity } from '../entities';
import { BaseRepository } from './unit-of-work';

/** A new account row; the flags not given keep their column defaults. */
export interface NewAccount {
  personId: string;
  username: string;
  passwordHash: string;
  isAdmin?: boolean;
}

/** The signed-in person as GET /auth/me answers: person, department and account in one row. */
export interface AccountProfileRow {
  id: string;
  name: string;
  email: string | null;
  departmentId: string | null;
  departmentName: string | null;
  username: string;
  isAdmin: boolean;
}

/** One inspection role of a person, with the inspection's title (newest inspection first). */
export interface PersonInspectionRoleRow {
  inspectionId: string;
  inspectionTitle: string;
  role: string;
}

/**
 * `account` and its `refresh_token`s: sign-in, password and state changes, and the sessions that a
 * password change, a detected token theft, disabling or a reset ends.
 */
export class AccountRepository extends BaseRepository {
  private accounts(tx?: EntityManager) {
    return this.db(tx).getRepository(AccountEntity);
  }

  private refreshTokens(tx?: EntityManager) {
    return this.db(tx).getRepository(RefreshTokenEntity);
  }

  byUsername(username: string, tx?: EntityManager): Promise<AccountEntity | null> {
    return this.accounts(tx).findOne({ where: { username } });
  }

  /** Throws TypeORM's EntityNotFoundError when the person has no account. */
  requireByPerson(personId: string, tx?: EntityManager): Promise<AccountEntity> {
    return this.accounts(tx).findOneOrFail({ where: { personId } });
  }

  /** The row, locked for the rest of the transaction (two administrators acting at once take turns). */
  lockByPerson(personId: string, tx: EntityManager): Promise<AccountEntity | null> {
    return this.accounts(tx).findOne({ where: { personId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Of these usernames, the ones an account already has. */
  async takenUsernames(usernames: string[], tx?: EntityManager): Promise<string[]> {
    if (usernames.length === 0) return [];
    const taken = await this.accounts(tx).find({ where: { username: In(usernames) } });
    return taken.map((account) => account.username);
  }

  async insert(rows: NewAccount[], tx?: EntityManager): Promise<void> {
    if (rows.length) await this.accounts(tx).insert(rows);
  }

  async count(tx?: EntityManager): Promise<number> {
    return this.accounts(tx).count();
  }

  /** A new password hash; `mustChange` after an administrator's reset, false when the person chose it. */
  async setPassword(personId: string, passwordHash: string, mustChange: boolean, tx?: EntityManager): Promise<void> {
    await this.accounts(tx).update(
      { personId },
      { passwordHash, passwordChangedAt: new Date(), mustChangePassword: mustChange },
    );
  }

  async setDisabled(personId: string, disabled: boolean, tx?: EntityManager): Promise<void> {
    await this.accounts(tx).update({ personId }, { disabledAt: disabled ? new Date() : null });
  }

  /** Ends every session of a person: refresh tokens revoked, and access tokens through the token version. */
  async endSessions(personId: string, tx?: EntityManager): Promise<void> {
    await this.refreshTokens(tx).update({ personId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.accounts(tx).increment({ personId }, 'tokenVersion', 1);
  }

  async insertRefreshToken(personId: string, tokenHash: string, expiresAt: Date, tx?: EntityManager): Promise<void> {
    await this.refreshTokens(tx).insert({ personId, tokenHash, expiresAt });
  }

  refreshTokenByHash(tokenHash: string, tx?: EntityManager): Promise<RefreshTokenEntity | null> {
    return this.refreshTokens(tx).findOne({ where: { tokenHash } });
  }

  /** Revokes one refresh token; false when it was already revoked (a parallel refresh won). */
  async revokeRefreshToken(id: string, tx?: EntityManager): Promise<boolean> {
    const result = await this.refreshTokens(tx).update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return !!result.affected;
  }

  async revokeRefreshTokenByHash(tokenHash: string, tx?: EntityManager): Promise<void> {
    await this.refreshTokens(tx).update({ tokenHash, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async profile(personId: string, tx?: EntityManager): Promise<AccountProfileRow | undefined> {
    const [row]: AccountProfileRow[] = await this.db(tx).query(
      `SELECT p.id, p.name, p.email, p.department_id AS "departmentId", d.name AS "departmentName", a.username, a.is_admin AS "isAdmin"
         FROM person p JOIN account a ON a.person_id = p.id LEFT JOIN department d ON d.id = p.department_id WHERE p.id = $1`,
      [personId],
    );
    return row;
  }

  /** The person's roles in every inspection, for the header of the workbench (GET /auth/me). */
  inspectionRoles(personId: string, tx?: EntityManager): Promise<PersonInspectionRoleRow[]> {
    return this.db(tx).query(
      `SELECT r.inspection_id AS "inspectionId", i.title AS "inspectionTitle", r.role FROM inspection_role r JOIN inspection i ON i.id = r.inspection_id
        WHERE r.person_id = $1 ORDER BY i.created_at DESC, r.role`,
      [personId],
    );
  }
}
