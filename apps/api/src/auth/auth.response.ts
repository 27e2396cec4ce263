import { INSPECTION_ROLES } from '@rectiflow/domain';
import { Res } from '../common/response-fields';

export class TokensResponse {
  @Res.text({ description: 'send as Authorization: Bearer …' })
  accessToken: string;

  @Res.text({ description: 'for POST /api/auth/refresh; works once' })
  refreshToken: string;

  @Res.int({ description: 'seconds the access token is valid' })
  expiresIn: number;

  @Res.enum(['Bearer'], 'TokenType')
  tokenType: string;

  @Res.bool({
    description: 'after a password reset: only POST /api/auth/password is open until the password is changed',
  })
  passwordChangeRequired: boolean;
}

export class MyRoleResponse {
  @Res.id()
  inspectionId: string;

  @Res.text()
  inspectionTitle: string;

  @Res.enum(INSPECTION_ROLES, 'InspectionRole')
  role: string;
}

/** The signed-in person, their department and their roles in every inspection. */
export class MeResponse {
  @Res.id()
  id: string;

  @Res.text()
  name: string;

  @Res.text({ nullable: true })
  email: string | null;

  @Res.id({ nullable: true })
  departmentId: string | null;

  @Res.text({ nullable: true })
  departmentName: string | null;

  @Res.text()
  username: string;

  @Res.bool()
  isAdmin: boolean;

  @Res.many(() => MyRoleResponse, { description: 'newest inspection first' })
  roles: MyRoleResponse[];
}
