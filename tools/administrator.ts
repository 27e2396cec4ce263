/** The first administrator (`npm run cli -- create-admin`, the demo seed): a person and an admin account, in one transaction. */
import { EntityManager } from 'typeorm';
import { AccountRepository, OrganisationRepository, UnitOfWork } from '@rectiflow/persistence';
import { withDataSource } from './local-database';

export interface Administrator {
  name: string;
  username: string;
  passwordHash: string;
}

/** `refuse` runs first in the same transaction and throws to stop the creation (a taken username, existing accounts). */
export function createAdministrator(
  url: string,
  administrator: Administrator,
  refuse: (accounts: AccountRepository, tx: EntityManager) => Promise<void>,
): Promise<void> {
  return withDataSource(url, (dataSource) => {
    const accounts = new AccountRepository(dataSource);
    const organisation = new OrganisationRepository(dataSource);
    return new UnitOfWork(dataSource).run(async (tx) => {
      await refuse(accounts, tx);
      const [person] = await organisation.insertPeople([{ name: administrator.name }], tx);
      await accounts.insert(
        [
          {
            personId: person.id,
            username: administrator.username,
            passwordHash: administrator.passwordHash,
            isAdmin: true,
          },
        ],
        tx,
      );
    });
  });
}
