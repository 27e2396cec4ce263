import { Res } from '../common/response-fields';

export class DepartmentResponse {
  @Res.id()
  id: string;

  @Res.text()
  name: string;

  @Res.id({ nullable: true })
  parentId: string | null;

  @Res.dateTime()
  createdAt: string;
}

/** An account's state, in the people list of a system administrator. */
export class PersonAccountResponse {
  @Res.text()
  username: string;

  @Res.bool()
  isAdmin: boolean;

  @Res.bool()
  disabled: boolean;

  @Res.bool()
  passwordChangeRequired: boolean;
}

/** A person as this reader may see them: e-mail only to administrators and the person themselves. */
export class PersonResponse {
  @Res.id()
  id: string;

  @Res.text()
  name: string;

  @Res.id({ nullable: true })
  departmentId: string | null;

  @Res.text({ nullable: true, description: 'null unless the reader is an administrator or the person' })
  email: string | null;

  @Res.dateTime({ optional: true, description: 'in the lists of an administrator and on creation' })
  createdAt?: string;

  @Res.one(() => PersonAccountResponse, {
    nullable: true,
    optional: true,
    description: 'only in the list of a system administrator; null without an account',
  })
  account?: PersonAccountResponse | null;
}
