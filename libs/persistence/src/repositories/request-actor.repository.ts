import { EntityManager } from 'typeorm';
import { BaseRepository } from './unit-of-work';

/** The holder of an access token: the person and the state of their account. */
export interface TokenHolderRow {
  id: string;
  name: string;
  departmentId: string | null;
  isAdmin: boolean;
  tokenVersion: number;
  disabled: boolean;
  mustChangePassword: boolean;
}

/**
 * The one read of every authenticated request (the auth guard's): `person` joined with `account`.
 * Kept apart from AccountRepository so it stays one short statement on the request path.
 */
export class RequestActorRepository extends BaseRepository {
  async tokenHolder(personId: string, tx?: EntityManager): Promise<TokenHolderRow | undefined> {
    const [row]: TokenHolderRow[] = await this.db(tx).query(
      `SELECT p.id, p.name, p.department_id AS "departmentId", a.is_admin AS "isAdmin", a.token_version AS "tokenVersion",
              a.disabled_at IS NOT NULL AS disabled, a.must_change_password AS "mustChangePassword"
         FROM person p JOIN account a ON a.person_id = p.id WHERE p.id = $1`,
      [personId],
    );
    return row;
  }
}
